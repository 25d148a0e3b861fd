-- newsroom schema v1: articles, tags, their join and related links.
-- Hibernate validates this schema; it never generates it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tag (
    id          uuid PRIMARY KEY,
    slug        varchar(120) NOT NULL,
    name        varchar(200) NOT NULL,
    type        varchar(20)  NOT NULL CHECK (type IN ('topic', 'person', 'place', 'organization', 'event')),
    description varchar(2000),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT tag_slug_key UNIQUE (slug)
);
-- GET /tags?q= : prefix and fuzzy matching on name and slug
CREATE INDEX tag_name_trgm_idx ON tag USING gin (lower(name) gin_trgm_ops);
CREATE INDEX tag_slug_trgm_idx ON tag USING gin (slug gin_trgm_ops);
CREATE INDEX tag_type_idx ON tag (type);

CREATE TABLE article (
    id           uuid PRIMARY KEY,
    slug         varchar(120)  NOT NULL,
    headline     varchar(300)  NOT NULL,
    standfirst   varchar(1000),
    body         text          NOT NULL DEFAULT '',
    -- plain text of the sanitized body: word count now, search and snippets later
    body_text    text          NOT NULL DEFAULT '',
    byline       varchar(200),
    section      varchar(200),
    language     varchar(35)   NOT NULL DEFAULT 'en',
    status       varchar(16)   NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    published_at timestamptz,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0,
    word_count   integer       NOT NULL DEFAULT 0,
    CONSTRAINT article_slug_key UNIQUE (slug),
    CONSTRAINT article_published_has_date CHECK (status <> 'published' OR published_at IS NOT NULL)
);

-- Every filter and sort of GET /articles runs on published rows only: partial indexes keep them small.
CREATE INDEX article_published_idx ON article (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX article_updated_idx ON article (updated_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX article_section_idx ON article (section text_pattern_ops, published_at DESC) WHERE status = 'published';
CREATE INDEX article_language_idx ON article (language, published_at DESC) WHERE status = 'published';
CREATE INDEX article_byline_idx ON article (lower(byline), published_at DESC) WHERE status = 'published';
-- editors' lists of drafts and archived articles
CREATE INDEX article_status_idx ON article (status, updated_at DESC);

CREATE TABLE article_tag (
    article_id  uuid NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id      uuid NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    -- the article's publication time while it is published, NULL otherwise; kept by triggers below,
    -- so that "newest published articles with tag X" is one range scan of article_tag_newest_idx
    public_from timestamptz,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_newest_idx ON article_tag (tag_id, public_from DESC, article_id) WHERE public_from IS NOT NULL;
CREATE INDEX article_tag_tag_idx ON article_tag (tag_id);

CREATE FUNCTION article_tag_fill_public_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN a.status = 'published' THEN a.published_at END
      INTO NEW.public_from
      FROM article a WHERE a.id = NEW.article_id;
    RETURN NEW;
END $$;

CREATE TRIGGER article_tag_fill_public_from
    BEFORE INSERT OR UPDATE OF article_id ON article_tag
    FOR EACH ROW EXECUTE FUNCTION article_tag_fill_public_from();

CREATE FUNCTION article_sync_tag_public_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tag
       SET public_from = CASE WHEN NEW.status = 'published' THEN NEW.published_at END
     WHERE article_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER article_sync_tag_public_from
    AFTER UPDATE OF status, published_at ON article
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION article_sync_tag_public_from();

CREATE TABLE related_link (
    id                uuid PRIMARY KEY,
    article_id        uuid     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position          smallint NOT NULL,
    -- external link: title + url; internal link: target_article_id (title read from the target)
    title             varchar(300),
    url               varchar(2000),
    target_article_id uuid REFERENCES article (id) ON DELETE CASCADE,
    CONSTRAINT related_link_kind CHECK ((target_article_id IS NULL) = (url IS NOT NULL))
);
CREATE INDEX related_link_article_idx ON related_link (article_id, position);
CREATE INDEX related_link_target_idx ON related_link (target_article_id) WHERE target_article_id IS NOT NULL;
