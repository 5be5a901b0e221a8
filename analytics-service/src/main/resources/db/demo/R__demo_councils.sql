-- The demo councils (the same codes survey-service's demo seed captures for). Applied only where
-- ANALYTICS_FLYWAY_LOCATIONS includes classpath:db/demo (the launcher and the tests).
INSERT INTO council (code, name, council_type) VALUES
    ('northmoor', 'Northmoor City Council', 'unitary'),
    ('eastbrook', 'Eastbrook Borough Council', 'district'),
    ('westshire', 'Westshire County Council', 'county'),
    ('cwm-tawel', 'Cwm Tawel County Borough Council', 'unitary')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, council_type = EXCLUDED.council_type;

INSERT INTO peer_group (code, description) VALUES ('demo-all', 'All demo councils')
ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description;
INSERT INTO peer_group_member (peer_group, council)
SELECT 'demo-all', code FROM council WHERE code IN ('northmoor', 'eastbrook', 'westshire', 'cwm-tawel')
ON CONFLICT DO NOTHING;

-- Cwm Tawel works in Welsh and English, Welsh first: its alert emails are bilingual, Welsh first.
UPDATE council SET languages = ARRAY['cy', 'en'] WHERE code = 'cwm-tawel';
