-- the naive ranked search the issue measures: rank every match with ts_rank_cd over the full weighted vector,
-- keep the best 20 (baseline schema, its GIN index on the generated column). :cls and :n come from pgbench -D.
\set i random(1, :n)
SELECT id, ts_rank_cd(search, q) AS rank
  FROM baseline.articles, websearch_to_tsquery('english', (SELECT b.q FROM bench_query b WHERE b.class = :cls AND b.n = :i)) q
 WHERE search @@ q
 ORDER BY rank DESC
 LIMIT 20;
