-- newsroom schema v6: full-text search (GET /search, /search/suggest, /articles/{idOrSlug}/related).
--
-- The search index lives in the article row and is kept by a trigger in the same transaction as every write, so no
-- code path can forget it. Two vectors, both built with the text search configuration of the article's language:
--   search_head   headline (weight A) and standfirst (B): small, stored inline, cheap to rank;
--   search_vector search_head plus the body's plain text (C): what a query must match, and the exact ranking;
--   search_tier   impact tiers of the head's lexemes ("govern^20": 'govern' weighs at least 2.0 in headline and
--                 standfirst, A = 1.0 and B = 0.4 per occurrence). Ranking every match of a word found in half the
--                 articles costs seconds; the tiers let a query rank only the few hundred articles where its words
--                 weigh most (see SearchRepository). The ^10 tokens are also the headline words autocomplete uses.
-- Configurations are accent-insensitive: words pass through unaccent before the language's stemmer.

CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$
DECLARE
    cfg text;
BEGIN
    FOREACH cfg IN ARRAY ARRAY['english', 'russian', 'arabic', 'french', 'german', 'spanish', 'simple'] LOOP
        EXECUTE format('CREATE TEXT SEARCH CONFIGURATION newsroom_%s (COPY = pg_catalog.%s)', cfg, cfg);
        -- words with non-ASCII letters (café, Ёлка): drop accents, then stem; ASCII words keep their mapping
        EXECUTE format('ALTER TEXT SEARCH CONFIGURATION newsroom_%s ALTER MAPPING FOR word, hword, hword_part WITH unaccent, %s',
                       cfg, CASE cfg WHEN 'simple' THEN 'simple' ELSE cfg || '_stem' END);
    END LOOP;
END $$;

-- The configuration for an article's BCP 47 language: its primary subtag decides (pt-BR, en-GB...).
CREATE FUNCTION newsroom_search_config(language text) RETURNS regconfig
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (CASE lower(split_part(language, '-', 1))
                WHEN 'en' THEN 'newsroom_english'
                WHEN 'ru' THEN 'newsroom_russian'
                WHEN 'ar' THEN 'newsroom_arabic'
                WHEN 'fr' THEN 'newsroom_french'
                WHEN 'de' THEN 'newsroom_german'
                WHEN 'es' THEN 'newsroom_spanish'
                ELSE 'newsroom_simple'
            END)::regconfig
$$;

-- Case- and accent-folded text for autocomplete and did-you-mean (unaccent itself is only STABLE: its dictionary
-- could change; this one is fixed by the migration).
CREATE FUNCTION newsroom_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT lower(public.unaccent('public.unaccent'::regdictionary, value))
$$;

CREATE FUNCTION newsroom_impact_tiers(head tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_to_tsvector(array_agg(u.lexeme || '^' || t.level)), ''::tsvector)
      FROM unnest(head) u
     CROSS JOIN LATERAL (SELECT cardinality(array_positions(u.weights, 'A'))
                                + 0.4 * cardinality(array_positions(u.weights, 'B')) AS impact) x
      JOIN unnest(ARRAY[10, 14, 20, 30, 40, 60]) AS t(level) ON x.impact * 10 >= t.level
$$;

ALTER TABLE article
    ADD COLUMN search_config regconfig,
    ADD COLUMN search_head   tsvector,
    ADD COLUMN search_vector tsvector,
    ADD COLUMN search_tier   tsvector;

CREATE FUNCTION article_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cfg regconfig := newsroom_search_config(NEW.language);
BEGIN
    NEW.search_config := cfg;
    NEW.search_head := setweight(to_tsvector(cfg, NEW.headline), 'A')
                    || setweight(to_tsvector(cfg, coalesce(NEW.standfirst, '')), 'B');
    NEW.search_vector := NEW.search_head || setweight(to_tsvector(cfg, NEW.body_text), 'C');
    NEW.search_tier := newsroom_impact_tiers(NEW.search_head);
    RETURN NEW;
END $$;

CREATE TRIGGER article_search_fill
    BEFORE INSERT OR UPDATE OF headline, standfirst, body_text, language ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_fill();

-- existing rows: the trigger fills them; their public form does not change, so /changes hears nothing of it
ALTER TABLE article DISABLE TRIGGER article_log_change;
UPDATE article SET language = language;
ALTER TABLE article ENABLE TRIGGER article_log_change;

ALTER TABLE article
    ALTER COLUMN search_config SET NOT NULL,
    ALTER COLUMN search_head SET NOT NULL,
    ALTER COLUMN search_vector SET NOT NULL,
    ALTER COLUMN search_tier SET NOT NULL;
-- the planner's and SearchRepository's view of which lexemes and tiers are common: keep up to 10,000 of them
ALTER TABLE article ALTER COLUMN search_vector SET STATISTICS 1000, ALTER COLUMN search_tier SET STATISTICS 1000;

-- Only published articles are ever searched: the indexes hold nothing else.
CREATE INDEX article_search_idx ON article USING gin (search_vector) WHERE status = 'published';
CREATE INDEX article_search_tier_idx ON article USING gin (search_tier) WHERE status = 'published';
-- autocomplete: headlines containing or resembling what was typed
CREATE INDEX article_headline_trgm_idx ON article USING gin (newsroom_fold(headline) gin_trgm_ops) WHERE status = 'published';

-- Did-you-mean: the words of published headlines and standfirsts, folded. Filled by a background job
-- (SearchVocabulary) from articles changed since its last run, so writers never contend on it. Suggestions are
-- checked against the live index before they are offered, so a word whose articles were unpublished is harmless.
CREATE TABLE search_word (
    word varchar(60) PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);
CREATE TABLE search_vocabulary_state (
    id           smallint PRIMARY KEY CHECK (id = 1),
    refreshed_to timestamptz NOT NULL
);
INSERT INTO search_vocabulary_state VALUES (1, '-infinity');

