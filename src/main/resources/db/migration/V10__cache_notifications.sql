-- newsroom schema v10: response caches learn what changed from PostgreSQL itself.
--
-- Every instance keeps the answers of the public GETs in memory, and a CDN may keep them too. Triggers in the
-- writing transaction send NOTIFY on channel newsroom_cache, which PostgreSQL delivers to every listening instance
-- when (and only if) the transaction commits, so no write path can forget it: the API, the import, tag renames and
-- deletions, and anything an operator does in psql. Payloads (identical ones in a transaction arrive once):
--   a:<article id>  what this public (or formerly public, or scheduled) article shows has changed;
--   m               which articles lists, feeds, sections and tag counts show may have changed (publication,
--                   unpublication, deletion, publication time, section, language, byline, tags, a tag's name);
--   t:<tag slug>    this tag changed (created, renamed, described, deleted).
-- Drafts that never were published notify nothing: no cache holds them. What each instance and the CDN drop for a
-- payload is decided in app.newsroom.cache.SurrogateKeys.

CREATE FUNCTION newsroom_notify_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'published' THEN
            PERFORM pg_notify('newsroom_cache', 'a:' || OLD.id);
            PERFORM pg_notify('newsroom_cache', 'm');
        END IF;
        RETURN NULL;
    END IF;
    IF NEW.status = 'published' OR (TG_OP = 'UPDATE' AND OLD.status = 'published') THEN
        PERFORM pg_notify('newsroom_cache', 'a:' || NEW.id);
        IF TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status
           OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.section IS DISTINCT FROM NEW.section
           OR OLD.language IS DISTINCT FROM NEW.language OR OLD.byline IS DISTINCT FROM NEW.byline THEN
            PERFORM pg_notify('newsroom_cache', 'm');
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_notify_cache
    AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION newsroom_notify_article();

-- A tag added to or taken from a public (or scheduled) article changes tag pages and counts. The article's own row
-- is updated in the same transaction (its version moves on), which sends its a:<id>.
CREATE FUNCTION newsroom_notify_article_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'INSERT' AND NEW.public_from IS NOT NULL) OR (TG_OP = 'DELETE' AND OLD.public_from IS NOT NULL) THEN
        PERFORM pg_notify('newsroom_cache', 'm');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_tag_notify_cache
    AFTER INSERT OR DELETE ON article_tag
    FOR EACH ROW EXECUTE FUNCTION newsroom_notify_article_tag();

-- A tag's own pages change with any change of it; a new name or type also changes every article and list that
-- shows the tag, which lists and feeds learn from 'm' (a rename is rare; naming each of its 20,000 articles is not).
CREATE FUNCTION newsroom_notify_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('newsroom_cache', 't:' || OLD.slug);
        RETURN NULL;
    END IF;
    PERFORM pg_notify('newsroom_cache', 't:' || NEW.slug);
    IF TG_OP = 'UPDATE' AND (OLD.name IS DISTINCT FROM NEW.name OR OLD.type IS DISTINCT FROM NEW.type) THEN
        PERFORM pg_notify('newsroom_cache', 'm');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tag_notify_cache
    AFTER INSERT OR UPDATE OR DELETE ON tag
    FOR EACH ROW EXECUTE FUNCTION newsroom_notify_tag();
