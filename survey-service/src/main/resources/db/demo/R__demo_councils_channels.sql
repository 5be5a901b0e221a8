-- Demo web origins, kiosks and phone lines for the four fictional councils (runs after R__demo_councils).
-- The origins are where the launcher and the widget's test pages serve from. The IVR secrets are demo values only.

INSERT INTO council_allowed_origin (council, origin)
SELECT c.code, o.origin FROM council c
CROSS JOIN (VALUES ('http://localhost:8080'), ('http://127.0.0.1:8080')) AS o (origin)
WHERE c.code IN ('northmoor', 'eastbrook', 'westshire', 'cwm-tawel')
ON CONFLICT DO NOTHING;

-- Cwm Tawel works bilingually and shows Welsh first; the others offer English and Welsh.
UPDATE council SET languages = ARRAY['cy', 'en'] WHERE code = 'cwm-tawel';
-- Its own thank-you, under the widget's key for it ("done"); an earlier seed used a key nothing reads.
DELETE FROM council_string WHERE council = 'cwm-tawel' AND key = 'thankYou';
INSERT INTO council_string (council, language, key, text) VALUES
    ('cwm-tawel', 'en', 'done', 'Thank you. Your view helps Cwm Tawel improve.'),
    ('cwm-tawel', 'cy', 'done', 'Diolch. Mae eich barn yn helpu Cwm Tawel i wella.')
ON CONFLICT DO NOTHING;

INSERT INTO kiosk_touchpoint (council, code, name, service, minimum_interval_seconds, idle_seconds) VALUES
    ('northmoor', 'civic-centre-reception', 'Civic Centre reception', 'council_tax', NULL, NULL),
    ('northmoor', 'central-library', 'Central Library front desk', 'libraries', 5, 45),
    ('eastbrook', 'town-hall-reception', 'Town Hall reception', 'benefits', NULL, NULL),
    ('westshire', 'county-hall-registrars', 'County Hall registrars', 'registrars', NULL, 60),
    ('cwm-tawel', 'canolfan-ddinesig', 'Canolfan Ddinesig / Civic Centre', 'housing', NULL, NULL)
ON CONFLICT DO NOTHING;

INSERT INTO ivr_line (line, council, service, secret) VALUES
    ('northmoor-contact-centre', 'northmoor', 'council_tax', 'demo-ivr-secret-northmoor'),
    ('eastbrook-benefits-line', 'eastbrook', 'benefits', 'demo-ivr-secret-eastbrook'),
    ('westshire-highways-line', 'westshire', 'highways', 'demo-ivr-secret-westshire'),
    ('cwm-tawel-llinell-tai', 'cwm-tawel', 'housing', 'demo-ivr-secret-cwm-tawel')
ON CONFLICT DO NOTHING;

-- "Press 1 if you were satisfied ...": 1 is the best score on each line's scale.
INSERT INTO ivr_digit (line, digit, score) VALUES
    ('northmoor-contact-centre', '1', 3), ('northmoor-contact-centre', '2', 2), ('northmoor-contact-centre', '3', 1),
    ('eastbrook-benefits-line', '1', 4), ('eastbrook-benefits-line', '2', 3), ('eastbrook-benefits-line', '3', 2), ('eastbrook-benefits-line', '4', 1),
    ('westshire-highways-line', '1', 5), ('westshire-highways-line', '2', 4), ('westshire-highways-line', '3', 3), ('westshire-highways-line', '4', 2), ('westshire-highways-line', '5', 1),
    ('cwm-tawel-llinell-tai', '1', 3), ('cwm-tawel-llinell-tai', '2', 2), ('cwm-tawel-llinell-tai', '3', 1)
ON CONFLICT DO NOTHING;
