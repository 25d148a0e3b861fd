-- Kills and corrections, as news agencies send them.
-- A killed article is withdrawn from every public surface and must not be republished by accident: its status is
-- 'killed' until an admin un-kills it (back to draft). Partners are told to remove it: /changes says 'kill', webhooks
-- send article.killed.
ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article ADD CONSTRAINT article_status_check
    CHECK (status IN ('draft', 'published', 'archived', 'killed'));
ALTER TABLE article ADD COLUMN killed_at timestamptz, ADD COLUMN kill_reason varchar(1000);
ALTER TABLE article ADD CONSTRAINT article_killed_has_reason
    CHECK ((status = 'killed') = (killed_at IS NOT NULL AND kill_reason IS NOT NULL));

-- Corrections are appended, never edited: each one is part of the public record of the article.
CREATE TABLE article_correction (
    article_id uuid          NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position   int           NOT NULL,
    at         timestamptz   NOT NULL,
    text       varchar(2000) NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- What partners were last told of an article includes how many corrections it had, so that a new one is sent as
-- article.corrected rather than article.updated.
ALTER TABLE webhook_article ADD COLUMN corrections int NOT NULL DEFAULT 0;
