-- Demo timeliness standards (CSE 5.1.1) for the demo councils, in force from 1 January 2025; Northmoor tightened its
-- phone standard from 90 to 60 seconds on 1 April 2026, so earlier months are judged by the old version. The Welsh
-- promises are the product's wording; a council publishes its own translator's text.
INSERT INTO council_calendar (council, division)
SELECT code, 'england-and-wales' FROM council WHERE code IN ('northmoor', 'eastbrook', 'westshire', 'cwm-tawel')
ON CONFLICT (council) DO NOTHING;

INSERT INTO council_closure_day (council, day, description)
SELECT code, d::date, 'Offices closed between Christmas and New Year'
FROM council, (VALUES ('2025-12-29'), ('2025-12-30'), ('2025-12-31')) AS days(d)
WHERE code = 'northmoor'
ON CONFLICT DO NOTHING;

INSERT INTO timeliness_standard (council, code, effective_from, service, channel, contact_type, measure, limit_value,
                                 limit_unit, target_share, promise_en, promise_cy, created_by)
SELECT c.code, s.code, s.effective_from::date, s.service, s.channel, s.contact_type, s.measure, s.limit_value,
       s.limit_unit, s.target_share, s.promise_en, s.promise_cy, 'demo seed'
FROM council c, (VALUES
    ('phone-answered', '2025-01-01', NULL, 'phone', 'call', 'first_response', 60, 'seconds', 0.8,
     'We answer phone calls within 60 seconds.', 'Byddwn yn ateb galwadau ffôn o fewn 60 eiliad.'),
    ('email-reply', '2025-01-01', NULL, 'email', 'email', 'first_response', 5, 'working_days', 0.9,
     'We reply to emails within 5 working days.', 'Byddwn yn ymateb i negeseuon e-bost o fewn 5 diwrnod gwaith.'),
    ('web-form-reply', '2025-01-01', NULL, 'web_form', 'web_form', 'first_response', 5, 'working_days', 0.9,
     'We reply to online forms within 5 working days.', 'Byddwn yn ymateb i ffurflenni ar-lein o fewn 5 diwrnod gwaith.'),
    ('letter-reply', '2025-01-01', NULL, 'letter', 'letter', 'first_response', 10, 'working_days', 0.9,
     'We answer letters within 10 working days.', 'Byddwn yn ateb llythyrau o fewn 10 diwrnod gwaith.'),
    ('personal-caller-seen', '2025-01-01', NULL, 'face_to_face', 'personal_caller', 'first_response', 15, 'minutes', 0.9,
     'If you visit us, we will see you within 15 minutes.', 'Os byddwch yn ymweld â ni, byddwn yn eich gweld o fewn 15 munud.'),
    ('complaint-resolved', '2025-01-01', NULL, NULL, 'complaint', 'resolution', 20, 'working_days', 0.9,
     'We resolve complaints within 20 working days.', 'Byddwn yn datrys cwynion o fewn 20 diwrnod gwaith.'),
    ('missed-bin-collected', '2025-01-01', 'waste', NULL, 'missed_bin', 'resolution', 2, 'working_days', 0.95,
     'We collect a missed bin within 2 working days.', 'Byddwn yn casglu bin a gollwyd o fewn 2 ddiwrnod gwaith.')
) AS s(code, effective_from, service, channel, contact_type, measure, limit_value, limit_unit, target_share, promise_en, promise_cy)
WHERE c.code IN ('northmoor', 'eastbrook', 'westshire', 'cwm-tawel')
  AND NOT (c.code = 'northmoor' AND s.code = 'phone-answered')
ON CONFLICT (council, code, effective_from) DO NOTHING;

-- Northmoor's phone standard: 90 seconds until 31 March 2026, 60 seconds from 1 April 2026
INSERT INTO timeliness_standard (council, code, effective_from, service, channel, contact_type, measure, limit_value,
                                 limit_unit, target_share, promise_en, promise_cy, created_by)
SELECT 'northmoor', 'phone-answered', v.effective_from::date, NULL, 'phone', 'call', 'first_response', v.limit_value,
       'seconds', 0.8, 'We answer phone calls within ' || v.limit_value || ' seconds.',
       'Byddwn yn ateb galwadau ffôn o fewn ' || v.limit_value || ' eiliad.', 'demo seed'
FROM (VALUES ('2025-01-01', 90), ('2026-04-01', 60)) AS v(effective_from, limit_value)
WHERE EXISTS (SELECT 1 FROM council WHERE code = 'northmoor')
ON CONFLICT (council, code, effective_from) DO NOTHING;
