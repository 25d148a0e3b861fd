-- newest 20 published with one of the 20 most used tags, tag given by id (baseline schema)
\set k random(1, 20)
SELECT json_agg(x) FROM (
  SELECT a.id, a.slug, a.title, a.summary, a.section, a.published_at,
         (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name)), '[]')
            FROM baseline.article_tags at2 JOIN baseline.tags t ON t.id = at2.tag_id WHERE at2.article_id = a.id) AS tags
    FROM baseline.articles a JOIN baseline.article_tags at ON at.article_id = a.id
   WHERE at.tag_id = (SELECT tag_id FROM bench_popular_tag WHERE rn = :k) AND a.status = 'published'
   ORDER BY a.published_at DESC LIMIT 20) x;
