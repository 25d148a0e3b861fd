-- Draft previews: a token that shows one article (any version of it, whatever its status) to whoever holds it, until
-- it expires or is revoked. Only the token's SHA-256 is stored, as for API keys.
CREATE TABLE preview_token (
    id         uuid PRIMARY KEY,
    article_id uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT preview_token_hash_key UNIQUE (token_hash)
);
-- an article's tokens (GET /articles/{id}/preview-tokens)
CREATE INDEX preview_token_article_idx ON preview_token (article_id, created_at);
