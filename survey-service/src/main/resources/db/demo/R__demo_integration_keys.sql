-- Demo integration keys: 'demo-contacts-<council>' for each demo council. Never use these outside the demo.
INSERT INTO integration_key (key_sha256, council, description)
SELECT encode(sha256(convert_to('demo-contacts-' || code, 'UTF8')), 'hex'), code, 'demo key'
FROM council WHERE code IN ('northmoor', 'eastbrook', 'westshire', 'cwm-tawel')
ON CONFLICT (key_sha256) DO NOTHING;
