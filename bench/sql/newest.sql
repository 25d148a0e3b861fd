-- newest 20 published, summary with tags, JSON built in SQL (baseline schema)
SELECT json_agg(x) FROM (
  SELECT a.id, a.slug, a.title, a.summary, a.section, a.published_at,
         (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name)), '[]')
            FROM baseline.article_tags at JOIN baseline.tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags
    FROM baseline.articles a WHERE a.status = 'published' ORDER BY a.published_at DESC LIMIT 20) x;
