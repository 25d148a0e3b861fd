-- Choosing a free slug looks up "base" and every "base-N". The unique index on slug cannot answer LIKE 'base-%' under
-- a linguistic collation, and LIKE ANY(array) not under any, so each new article scanned the whole index (a quarter
-- of a second at 100,000 articles). A byte-ordered index answers the equivalent range [base, base || '.') directly:
-- in slugs ([a-z0-9-]) only '-' sorts between the end of "base" and '.'.
CREATE INDEX article_slug_bytes_idx ON article ((slug COLLATE "C"));
