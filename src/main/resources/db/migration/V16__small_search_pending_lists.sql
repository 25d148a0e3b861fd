-- The article search indexes keep their pending lists small.
--
-- GIN's fastupdate collects new entries in an unsorted pending list that every search scans in full, up to
-- gin_pending_list_limit (4 MB by default) before an insert or autovacuum merges it. Under ten minutes of mixed load
-- with 20 new articles a second (bench/soak.sh), the lists grew by ~30 pages a minute and search p99 with them, from
-- 0.2 s to 2-3 s; merging them by hand brought it back to 0.3 s at once. With a 256 kB limit a search scans at most
-- 32 pending pages, and writes still go to the index in batches.
ALTER INDEX article_search_idx SET (gin_pending_list_limit = 256);
ALTER INDEX article_search_tier_idx SET (gin_pending_list_limit = 256);
ALTER INDEX article_headline_trgm_idx SET (gin_pending_list_limit = 256);
