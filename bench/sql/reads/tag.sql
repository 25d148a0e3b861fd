-- the newest 20 public articles with one tag (by slug) in summary form, JSON built in SQL
SELECT json_build_object('items', coalesce(json_agg(x.item ORDER BY x.public_from DESC, x.id DESC), '[]')) AS json
  FROM (SELECT a.id, p.public_from, json_build_object(
               'id', a.id, 'slug', a.slug, 'headline', a.headline, 'standfirst', a.standfirst, 'byline', a.byline,
               'section', a.section, 'language', a.language, 'status', a.status, 'publishedAt', a.published_at,
               'createdAt', a.created_at, 'updatedAt', a.updated_at, 'version', a.version, 'wordCount', a.word_count,
               'tags', (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name, 'type', t.type)
                                                 ORDER BY t.name), '[]')
                          FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id),
               'relatedLinks', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'title', coalesce(t.headline, l.title),
                                         'url', l.url, 'position', l.position) ORDER BY l.position), '[]')
                                  FROM related_link l LEFT JOIN article t ON t.id = l.target_article_id
                                 WHERE l.article_id = a.id)) AS item
          FROM (SELECT at.article_id, at.public_from FROM article_tag at
                 WHERE at.tag_id = (SELECT id FROM tag WHERE slug = :tag) AND at.public_from <= now()
                 ORDER BY at.public_from DESC, at.article_id DESC LIMIT 20) p
          JOIN article a ON a.id = p.article_id) x;
