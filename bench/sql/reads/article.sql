-- one public article by slug in full form (tags, related links with their targets), JSON built in SQL
SELECT json_build_object(
         'id', a.id, 'slug', a.slug, 'headline', a.headline, 'standfirst', a.standfirst, 'body', a.body,
         'byline', a.byline, 'section', a.section, 'language', a.language, 'status', a.status,
         'publishedAt', a.published_at, 'createdAt', a.created_at, 'updatedAt', a.updated_at,
         'version', a.version, 'wordCount', a.word_count,
         'tags', (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name, 'type', t.type)
                                           ORDER BY t.name), '[]')
                    FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id),
         'relatedLinks', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'title', coalesce(t.headline, l.title),
                                   'url', l.url, 'position', l.position,
                                   'article', CASE WHEN t.id IS NOT NULL THEN
                                              json_build_object('id', t.id, 'slug', t.slug, 'headline', t.headline) END)
                                           ORDER BY l.position), '[]')
                            FROM related_link l LEFT JOIN article t ON t.id = l.target_article_id
                           WHERE l.article_id = a.id
                             AND (l.target_article_id IS NULL OR (t.status = 'published' AND t.published_at <= now())))
       ) AS json
  FROM article a WHERE a.slug = :slug AND a.status = 'published' AND a.published_at <= now();
