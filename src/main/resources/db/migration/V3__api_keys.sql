-- API keys: only a SHA-256 hash of each secret is stored. The bootstrap admin key (NEWSROOM_ADMIN_KEY) is a row
-- like the others, marked so that a changed variable replaces it at the next start.
CREATE TABLE api_key (
    id         uuid PRIMARY KEY,
    name       varchar(200) NOT NULL,
    role       varchar(16)  NOT NULL CHECK (role IN ('partner', 'editor', 'admin')),
    key_hash   bytea        NOT NULL,
    bootstrap  boolean      NOT NULL DEFAULT false,
    created_at timestamptz  NOT NULL,
    CONSTRAINT api_key_hash_key UNIQUE (key_hash)
);
