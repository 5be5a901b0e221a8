-- Demo capture settings for four fictional councils of different types. Repeatable and idempotent:
-- applied only where CIVIC_PULSE_FLYWAY_LOCATIONS includes classpath:db/demo (the launcher and the tests).

INSERT INTO council (code, name_en, name_cy, council_type) VALUES ('northmoor', 'Northmoor City Council', NULL, 'unitary')
    ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, council_type = EXCLUDED.council_type;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'waste', 'Bins and recycling', 'Biniau ac ailgylchu', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'waste', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'council_tax', 'Council Tax', 'Treth Gyngor', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'council_tax', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'housing', 'Housing', 'Tai', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'housing', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'planning', 'Planning', 'Cynllunio', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'planning', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'parking', 'Parking', 'Parcio', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'parking', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('northmoor', 'libraries', 'Libraries', 'Llyfrgelloedd', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('northmoor', 'libraries', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('northmoor', 'age_band', 'Age', 'Oedran', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '16_24', '16 to 24', '16 i 24', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '25_34', '25 to 34', '25 i 34', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '35_44', '35 to 44', '35 i 44', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '45_54', '45 to 54', '45 i 54', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '55_64', '55 to 64', '55 i 64', 4) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '65_74', '65 to 74', '65 i 74', 5) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'age_band', '75_plus', '75 or over', '75 neu drosodd', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('northmoor', 'sex', 'Sex', 'Rhyw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'sex', 'female', 'Female', 'Benyw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'sex', 'male', 'Male', 'Gwryw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('northmoor', 'disability', 'Do you consider yourself disabled?', 'Ydych chi''n ystyried eich hun yn anabl?', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'disability', 'yes', 'Yes', 'Ydw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'disability', 'no', 'No', 'Nac ydw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('northmoor', 'ethnicity', 'Ethnic group', 'Grŵp ethnig', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'ethnicity', 'white', 'White', 'Gwyn', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'ethnicity', 'mixed', 'Mixed or multiple ethnic groups', 'Grwpiau ethnig cymysg neu luosog', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'ethnicity', 'asian', 'Asian or Asian British', 'Asiaidd neu Asiaidd Prydeinig', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'ethnicity', 'black', 'Black, Black British, Caribbean or African', 'Du, Du Prydeinig, Caribïaidd neu Affricanaidd', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('northmoor', 'ethnicity', 'other', 'Other ethnic group', 'Grŵp ethnig arall', 4) ON CONFLICT DO NOTHING;

INSERT INTO council (code, name_en, name_cy, council_type) VALUES ('eastbrook', 'Eastbrook Borough Council', NULL, 'district')
    ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, council_type = EXCLUDED.council_type;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('eastbrook', 'waste', 'Bins and recycling', 'Biniau ac ailgylchu', 'buttons-4')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'waste', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('eastbrook', 'council_tax', 'Council Tax', 'Treth Gyngor', 'buttons-4')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'council_tax', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('eastbrook', 'benefits', 'Housing benefit', 'Budd-dal tai', 'buttons-4')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'benefits', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('eastbrook', 'planning', 'Planning', 'Cynllunio', 'buttons-4')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'planning', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('eastbrook', 'leisure', 'Leisure centres', 'Canolfannau hamdden', 'buttons-4')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('eastbrook', 'leisure', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('eastbrook', 'age_band', 'Age', 'Oedran', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '16_24', '16 to 24', '16 i 24', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '25_34', '25 to 34', '25 i 34', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '35_44', '35 to 44', '35 i 44', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '45_54', '45 to 54', '45 i 54', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '55_64', '55 to 64', '55 i 64', 4) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '65_74', '65 to 74', '65 i 74', 5) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'age_band', '75_plus', '75 or over', '75 neu drosodd', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('eastbrook', 'sex', 'Sex', 'Rhyw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'sex', 'female', 'Female', 'Benyw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'sex', 'male', 'Male', 'Gwryw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('eastbrook', 'disability', 'Do you consider yourself disabled?', 'Ydych chi''n ystyried eich hun yn anabl?', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'disability', 'yes', 'Yes', 'Ydw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'disability', 'no', 'No', 'Nac ydw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('eastbrook', 'ethnicity', 'Ethnic group', 'Grŵp ethnig', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'ethnicity', 'white', 'White', 'Gwyn', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'ethnicity', 'mixed', 'Mixed or multiple ethnic groups', 'Grwpiau ethnig cymysg neu luosog', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'ethnicity', 'asian', 'Asian or Asian British', 'Asiaidd neu Asiaidd Prydeinig', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'ethnicity', 'black', 'Black, Black British, Caribbean or African', 'Du, Du Prydeinig, Caribïaidd neu Affricanaidd', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('eastbrook', 'ethnicity', 'other', 'Other ethnic group', 'Grŵp ethnig arall', 4) ON CONFLICT DO NOTHING;

INSERT INTO council (code, name_en, name_cy, council_type) VALUES ('westshire', 'Westshire County Council', NULL, 'county')
    ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, council_type = EXCLUDED.council_type;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('westshire', 'highways', 'Roads and highways', 'Ffyrdd a phriffyrdd', 'likert-5')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'highways', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('westshire', 'social_care', 'Adult social care', 'Gofal cymdeithasol oedolion', 'likert-5')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'social_care', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('westshire', 'schools', 'School admissions', 'Derbyn i ysgolion', 'likert-5')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'schools', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('westshire', 'libraries', 'Libraries', 'Llyfrgelloedd', 'likert-5')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'libraries', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('westshire', 'registrars', 'Births, deaths and marriages', 'Genedigaethau, marwolaethau a phriodasau', 'likert-5')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('westshire', 'registrars', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('westshire', 'age_band', 'Age', 'Oedran', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '16_24', '16 to 24', '16 i 24', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '25_34', '25 to 34', '25 i 34', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '35_44', '35 to 44', '35 i 44', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '45_54', '45 to 54', '45 i 54', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '55_64', '55 to 64', '55 i 64', 4) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '65_74', '65 to 74', '65 i 74', 5) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'age_band', '75_plus', '75 or over', '75 neu drosodd', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('westshire', 'sex', 'Sex', 'Rhyw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'sex', 'female', 'Female', 'Benyw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'sex', 'male', 'Male', 'Gwryw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('westshire', 'disability', 'Do you consider yourself disabled?', 'Ydych chi''n ystyried eich hun yn anabl?', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'disability', 'yes', 'Yes', 'Ydw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'disability', 'no', 'No', 'Nac ydw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('westshire', 'ethnicity', 'Ethnic group', 'Grŵp ethnig', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'ethnicity', 'white', 'White', 'Gwyn', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'ethnicity', 'mixed', 'Mixed or multiple ethnic groups', 'Grwpiau ethnig cymysg neu luosog', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'ethnicity', 'asian', 'Asian or Asian British', 'Asiaidd neu Asiaidd Prydeinig', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'ethnicity', 'black', 'Black, Black British, Caribbean or African', 'Du, Du Prydeinig, Caribïaidd neu Affricanaidd', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('westshire', 'ethnicity', 'other', 'Other ethnic group', 'Grŵp ethnig arall', 4) ON CONFLICT DO NOTHING;

INSERT INTO council (code, name_en, name_cy, council_type) VALUES ('cwm-tawel', 'Cwm Tawel County Borough Council', 'Cyngor Bwrdeistref Sirol Cwm Tawel', 'unitary')
    ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, council_type = EXCLUDED.council_type;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('cwm-tawel', 'waste', 'Bins and recycling', 'Biniau ac ailgylchu', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'waste', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('cwm-tawel', 'council_tax', 'Council Tax', 'Treth Gyngor', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'council_tax', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('cwm-tawel', 'housing', 'Housing', 'Tai', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'housing', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('cwm-tawel', 'highways', 'Roads and highways', 'Ffyrdd a phriffyrdd', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'highways', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES ('cwm-tawel', 'libraries', 'Libraries', 'Llyfrgelloedd', 'faces-3')
    ON CONFLICT (council, code) DO UPDATE SET name_en = EXCLUDED.name_en, name_cy = EXCLUDED.name_cy, scale = EXCLUDED.scale;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'quick', 'Quick', 'Cyflym', 0) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'helpful_staff', 'Helpful staff', 'Staff cymwynasgar', 1) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'easy_to_find', 'Easy to find what I needed', 'Hawdd dod o hyd i''r hyn roedd ei angen arnaf', 2) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'too_slow', 'Took too long', 'Cymerodd ormod o amser', 3) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'not_resolved', 'My problem was not sorted', 'Ni chafodd fy mhroblem ei datrys', 4) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'hard_to_understand', 'Hard to understand', 'Anodd ei ddeall', 5) ON CONFLICT DO NOTHING;
INSERT INTO service_reason VALUES ('cwm-tawel', 'libraries', 'unhelpful_staff', 'Unhelpful staff', 'Staff anghymwynasgar', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('cwm-tawel', 'age_band', 'Age', 'Oedran', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '16_24', '16 to 24', '16 i 24', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '25_34', '25 to 34', '25 i 34', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '35_44', '35 to 44', '35 i 44', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '45_54', '45 to 54', '45 i 54', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '55_64', '55 to 64', '55 i 64', 4) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '65_74', '65 to 74', '65 i 74', 5) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'age_band', '75_plus', '75 or over', '75 neu drosodd', 6) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('cwm-tawel', 'sex', 'Sex', 'Rhyw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'sex', 'female', 'Female', 'Benyw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'sex', 'male', 'Male', 'Gwryw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('cwm-tawel', 'disability', 'Do you consider yourself disabled?', 'Ydych chi''n ystyried eich hun yn anabl?', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'disability', 'yes', 'Yes', 'Ydw', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'disability', 'no', 'No', 'Nac ydw', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_question VALUES ('cwm-tawel', 'ethnicity', 'Ethnic group', 'Grŵp ethnig', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'ethnicity', 'white', 'White', 'Gwyn', 0) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'ethnicity', 'mixed', 'Mixed or multiple ethnic groups', 'Grwpiau ethnig cymysg neu luosog', 1) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'ethnicity', 'asian', 'Asian or Asian British', 'Asiaidd neu Asiaidd Prydeinig', 2) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'ethnicity', 'black', 'Black, Black British, Caribbean or African', 'Du, Du Prydeinig, Caribïaidd neu Affricanaidd', 3) ON CONFLICT DO NOTHING;
INSERT INTO customer_group_answer VALUES ('cwm-tawel', 'ethnicity', 'other', 'Other ethnic group', 'Grŵp ethnig arall', 4) ON CONFLICT DO NOTHING;
