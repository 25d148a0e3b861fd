-- newsroom schema v9: default statistics for the search vectors.
--
-- V6 kept 10,000 common lexemes of search_vector (and tiers) in pg_stats because the service read them to choose
-- an impact tier. It now counts tiers itself (SearchRepository.tierCounts), and the planner reads that list on
-- every plan of a search statement: estimating one `search_vector @@ query` cost ~0.45 ms of planning, and every
-- search statement is planned for its own words. With the default list (1,000 lexemes) it costs ~0.1 ms, and the
-- plans stay the same (a bitmap scan of the GIN index, for rare and common words alike).
ALTER TABLE article ALTER COLUMN search_vector SET STATISTICS -1, ALTER COLUMN search_tier SET STATISTICS -1;
ANALYZE article;
