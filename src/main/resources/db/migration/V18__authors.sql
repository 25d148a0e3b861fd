-- Authors as entities: a name, a slug, a plain-text bio, an image (the same JSON as an article's main image) and a few
-- links, credited on articles in order through article_author.

CREATE TABLE author (
    id         uuid PRIMARY KEY,
    slug       varchar(120)  NOT NULL,
    name       varchar(200)  NOT NULL,
    bio        varchar(2000),
    -- {url, width, height, alt, caption?, credit?, focalPoint?}, checked by the service on write (as article.main_image)
    image      jsonb,
    -- [{label, url}], at most 10, checked by the service on write
    links      jsonb,
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL,
    version    bigint        NOT NULL DEFAULT 0,
    CONSTRAINT author_slug_key UNIQUE (slug)
);
-- GET /authors?q= : prefix and fuzzy matching on name and slug, as for tags
CREATE INDEX author_name_trgm_idx ON author USING gin (lower(name) gin_trgm_ops);
CREATE INDEX author_slug_trgm_idx ON author USING gin (slug gin_trgm_ops);

-- An article's authors, in order. An author with articles cannot be deleted by accident (no cascade): DELETE
-- /authors/{slug} answers 409 unless forced, and a forced one detaches the author from its articles first.
CREATE TABLE article_author (
    article_id uuid     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id  uuid     NOT NULL REFERENCES author (id),
    position   smallint NOT NULL CHECK (position >= 0),
    PRIMARY KEY (article_id, author_id),
    CONSTRAINT article_author_position_key UNIQUE (article_id, position)
);
-- an author's articles (counts, the delete check, the change log of a renamed author)
CREATE INDEX article_author_author_idx ON article_author (author_id, article_id);

-- Cache notifications (see V10): an author's own pages change with any change of it, under its old slug too when the
-- slug changes; a new name or slug also changes every article and list that shows the author, which lists and feeds
-- learn from 'm'.
CREATE FUNCTION newsroom_notify_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('newsroom_cache', 'au:' || OLD.slug);
        RETURN NULL;
    END IF;
    PERFORM pg_notify('newsroom_cache', 'au:' || NEW.slug);
    IF TG_OP = 'UPDATE' AND OLD.slug IS DISTINCT FROM NEW.slug THEN
        PERFORM pg_notify('newsroom_cache', 'au:' || OLD.slug);
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug) THEN
        PERFORM pg_notify('newsroom_cache', 'm');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER author_notify_cache
    AFTER INSERT OR UPDATE OR DELETE ON author
    FOR EACH ROW EXECUTE FUNCTION newsroom_notify_author();

-- An author credited on, or taken from, a published (or scheduled) article changes that article, lists that show its
-- authors and authors' counts. A row deleted with its article finds no article left: the article's own trigger told.
CREATE FUNCTION newsroom_notify_article_author() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM article a WHERE a.id = changed AND a.status = 'published') THEN
        PERFORM pg_notify('newsroom_cache', 'a:' || changed);
        PERFORM pg_notify('newsroom_cache', 'm');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_author_notify_cache
    AFTER INSERT OR DELETE ON article_author
    FOR EACH ROW EXECUTE FUNCTION newsroom_notify_article_author();

-- Change log (see V4): a renamed, re-slugged, re-described or re-pictured author changes the public form of every
-- published article that credits it.
CREATE FUNCTION author_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_change (article_id, kind, slug)
    SELECT a.id, 'change', a.slug
      FROM article_author x JOIN article a ON a.id = x.article_id
     WHERE x.author_id = NEW.id AND a.status = 'published';
    RETURN NULL;
END $$;

CREATE TRIGGER author_log_change
    AFTER UPDATE OF name, slug, bio, image ON author
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug
          OR OLD.bio IS DISTINCT FROM NEW.bio OR OLD.image IS DISTINCT FROM NEW.image)
    EXECUTE FUNCTION author_log_change();
