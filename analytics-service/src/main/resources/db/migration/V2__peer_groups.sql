-- Peer groups a platform admin manages: by council type, or a nearest-neighbour list (as CIPFA's model gives).
CREATE TABLE peer_group (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    description  text NOT NULL
);

CREATE TABLE peer_group_member (
    peer_group  text NOT NULL REFERENCES peer_group (code) ON DELETE CASCADE,
    council     text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    PRIMARY KEY (peer_group, council)
);
CREATE INDEX peer_group_member_council ON peer_group_member (council);
