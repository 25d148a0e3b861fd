-- Copies the generated corpus from the baseline tables (bench/corpus/schema.sql: articles, tags,
-- article_tags, related_links) into newsroom's own schema (article, tag, article_tag, related_link),
-- which Flyway created. Ids become deterministic UUIDs. Run by bench/load.sh.
\set ON_ERROR_STOP 1
SET maintenance_work_mem = '512MB';
BEGIN;
-- CASCADE: every table that refers to articles or tags (corrections, credits, the change log...) starts empty too
TRUNCATE related_link, article_tag, article, tag CASCADE;

INSERT INTO tag (id, slug, name, type, description, created_at, updated_at, version)
SELECT md5('tag:' || id)::uuid, left(slug, 120), left(name, 200), 'topic', NULL, now(), now(), 0
  FROM baseline.tags;

-- every article gets a main image (its metadata: newsroom stores no bytes), as a news site's would
INSERT INTO article (id, slug, headline, standfirst, body, body_text, byline, section, language, status,
                     published_at, created_at, updated_at, version, word_count, main_image)
SELECT md5('article:' || id)::uuid,
       left(slug, 120),
       left(title, 300),
       left(summary, 1000),
       '<p>' || replace(coalesce(body, ''), E'\n\n', '</p><p>') || '</p>',
       replace(coalesce(body, ''), E'\n\n', ' '),
       left(author, 200),
       section,
       language,
       status,
       CASE WHEN status = 'published' THEN coalesce(published_at, now()) ELSE published_at END,
       coalesce(published_at, updated_at, now()),
       coalesce(updated_at, published_at, now()),
       1,
       coalesce(array_length(regexp_split_to_array(btrim(coalesce(body, '')), '\s+'), 1), 0),
       jsonb_build_object('url', 'https://images.example.com/bench/' || md5('article:' || id) || '.jpg',
                          'width', 2400, 'height', 1600, 'alt', left(title, 200), 'credit', 'Bench photo')
  FROM baseline.articles;

-- public_from is what the row trigger would compute, filled in one pass for speed
ALTER TABLE article_tag DISABLE TRIGGER article_tag_fill_public_from;
INSERT INTO article_tag (article_id, tag_id, public_from)
SELECT md5('article:' || at.article_id)::uuid, md5('tag:' || at.tag_id)::uuid,
       CASE WHEN a.status = 'published' THEN coalesce(a.published_at, now()) END
  FROM baseline.article_tags at JOIN baseline.articles a ON a.id = at.article_id;
ALTER TABLE article_tag ENABLE TRIGGER article_tag_fill_public_from;

INSERT INTO related_link (id, article_id, position, title, url, target_article_id)
SELECT md5('link:' || id)::uuid, md5('article:' || article_id)::uuid, position, left(title, 300), left(url, 2000), NULL
  FROM baseline.related_links;

-- helpers for the load scripts: the most used tags, and slugs of published articles
DROP TABLE IF EXISTS bench_popular_tag;
CREATE TABLE bench_popular_tag AS
SELECT row_number() OVER (ORDER BY count(*) DESC, t.id) AS rn, t.id AS tag_id, t.slug,
       md5('tag:' || t.id)::uuid AS tag_uuid, count(*) AS articles
  FROM baseline.article_tags at JOIN baseline.tags t ON t.id = at.tag_id
 GROUP BY t.id, t.slug ORDER BY count(*) DESC LIMIT 20;
COMMIT;

VACUUM (ANALYZE) tag;
VACUUM (ANALYZE) article;
VACUUM (ANALYZE) article_tag;
VACUUM (ANALYZE) related_link;

-- the did-you-mean vocabulary, as the service's background job would build it (bench runs start with it complete)
INSERT INTO search_word (word)
SELECT DISTINCT w FROM article a
 CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('newsroom_simple',
        a.headline || ' ' || coalesce(a.standfirst, '') || ' ' || a.body_text))) w
 WHERE a.status = 'published' AND length(w) BETWEEN 3 AND 60 AND w ~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;
UPDATE search_vocabulary_state SET refreshed_to = now();
ANALYZE search_word;
