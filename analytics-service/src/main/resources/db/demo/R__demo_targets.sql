-- Demo targets: 95% satisfied for most demo services on every channel ('all'), 90% for planning and highways
-- (harder services), and 97% for Westshire's libraries on the web. Applied only where ANALYTICS_FLYWAY_LOCATIONS
-- includes classpath:db/demo (the launcher and the tests).
INSERT INTO satisfaction_target (council, service, channel, target, updated_by)
SELECT v.council, v.service, v.channel, v.target, 'demo-seed'
FROM (VALUES
    ('northmoor', 'waste', 'all', 0.95),
    ('northmoor', 'council_tax', 'all', 0.95),
    ('northmoor', 'housing', 'all', 0.95),
    ('northmoor', 'planning', 'all', 0.90),
    ('northmoor', 'parking', 'all', 0.95),
    ('northmoor', 'libraries', 'all', 0.95),
    ('eastbrook', 'waste', 'all', 0.95),
    ('eastbrook', 'council_tax', 'all', 0.95),
    ('eastbrook', 'benefits', 'all', 0.95),
    ('eastbrook', 'planning', 'all', 0.90),
    ('eastbrook', 'leisure', 'all', 0.95),
    ('westshire', 'highways', 'all', 0.90),
    ('westshire', 'social_care', 'all', 0.95),
    ('westshire', 'schools', 'all', 0.95),
    ('westshire', 'libraries', 'all', 0.95),
    ('westshire', 'registrars', 'all', 0.95),
    ('cwm-tawel', 'waste', 'all', 0.95),
    ('cwm-tawel', 'council_tax', 'all', 0.95),
    ('cwm-tawel', 'housing', 'all', 0.95),
    ('cwm-tawel', 'highways', 'all', 0.90),
    ('cwm-tawel', 'libraries', 'all', 0.95),
    ('westshire', 'libraries', 'web', 0.97)
) AS v(council, service, channel, target)
JOIN council c ON c.code = v.council
ON CONFLICT (council, service, channel) DO UPDATE SET target = EXCLUDED.target, updated_by = EXCLUDED.updated_by;
