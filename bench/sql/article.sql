-- one article by id with its tags, JSON built in SQL (baseline schema)
\set n random(1, 100000)
SELECT json_build_object('id', a.id, 'slug', a.slug, 'title', a.title, 'summary', a.summary, 'body', a.body,
       'section', a.section, 'published_at', a.published_at,
       'tags', (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name)), '[]')
                  FROM baseline.article_tags at JOIN baseline.tags t ON t.id = at.tag_id WHERE at.article_id = a.id))
  FROM baseline.articles a WHERE a.id = :n;
