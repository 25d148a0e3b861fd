-- The change log behind GET /changes, written by triggers in the same transaction as the change itself, so no
-- create, update, publish, unpublish or delete can be committed without its entry.
--
-- Entries are ordered by (txid, seq): the writing transaction's id, then insertion order. A reader serves only
-- entries whose txid is below the xmin of its snapshot (every transaction below it has finished), so an entry that
-- becomes visible later always sorts after every entry already served: a cursor never skips a late commit.
CREATE TABLE article_change (
    txid       xid8         NOT NULL DEFAULT pg_current_xact_id(),
    seq        bigint       GENERATED ALWAYS AS IDENTITY,
    article_id uuid         NOT NULL,
    kind       varchar(8)   NOT NULL CHECK (kind IN ('change', 'delete')),
    slug       varchar(120) NOT NULL,
    changed_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (txid, seq)
);
CREATE INDEX article_change_article_idx ON article_change (article_id, txid, seq);
CREATE INDEX article_change_time_idx ON article_change (changed_at);

-- One row: how far retention has purged (cursors before it answer 410) and how far scheduled articles are released.
CREATE TABLE change_log_state (
    id              smallint PRIMARY KEY CHECK (id = 1),
    purged_txid     xid8        NOT NULL DEFAULT '0',
    purged_seq      bigint      NOT NULL DEFAULT 0,
    released_until  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO change_log_state (id) VALUES (1);

-- Articles: every change that touches a published article (or unpublishes one) is logged; drafts that never were
-- published are nobody's business outside the newsroom.
CREATE FUNCTION article_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'published' THEN
            INSERT INTO article_change (article_id, kind, slug) VALUES (OLD.id, 'delete', OLD.slug);
        END IF;
        RETURN NULL;
    END IF;
    IF NEW.status = 'published' OR (TG_OP = 'UPDATE' AND OLD.status = 'published') THEN
        INSERT INTO article_change (article_id, kind, slug) VALUES (NEW.id, 'change', NEW.slug);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_log_change
    AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION article_log_change();

-- Tags: a renamed or retyped tag changes the public form of every published article that carries it.
CREATE FUNCTION tag_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_change (article_id, kind, slug)
    SELECT a.id, 'change', a.slug
      FROM article_tag t JOIN article a ON a.id = t.article_id
     WHERE t.tag_id = NEW.id AND a.status = 'published';
    RETURN NULL;
END $$;

CREATE TRIGGER tag_log_change
    AFTER UPDATE OF name, type ON tag
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.type IS DISTINCT FROM NEW.type)
    EXECUTE FUNCTION tag_log_change();
