-- The demo councils (the same codes survey-service's demo seed captures for). Applied only where
-- ANALYTICS_FLYWAY_LOCATIONS includes classpath:db/demo (the launcher and the tests).
INSERT INTO council (code, name) VALUES
    ('northmoor', 'Northmoor City Council'),
    ('eastbrook', 'Eastbrook Borough Council'),
    ('westshire', 'Westshire County Council'),
    ('cwm-tawel', 'Cwm Tawel County Borough Council')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;
