-- Syndication rights: whether partners may republish an article, where (ISO 3166-1 alpha-2 codes, comma-separated;
-- none: everywhere), and a note. Partner surfaces (GET /changes with a partner key, partners' webhooks, feeds read
-- with a partner key) leave out what is not allowed.
ALTER TABLE article
    ADD COLUMN syndication_allowed     boolean NOT NULL DEFAULT true,
    ADD COLUMN syndication_territories varchar(800),
    ADD COLUMN syndication_note        varchar(500);
