package app.newsroom.search;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SQL of related articles. Candidates share a tag with the article (for each tag, its newest 500 public articles,
 * so a tag on 20,000 articles costs one short index scan), scored by the rarity of the shared tags (idf, from at most
 * 5,000 counted rows per tag), then the similarity of their headline and standfirst to the article's, then recency.
 * Articles that share headline words join the candidates, so an untagged article has related ones too. Never the
 * article itself, its internal related links, or anything not public.
 */
@ApplicationScoped
class RelatedRepository {

    private static final String RELATED = """
            WITH src AS (
                SELECT a.id,
                       nullif(array_to_string(ARRAY(
                           SELECT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || ''''
                             FROM unnest(tsvector_to_array(a.search_head)) l), ' | '), '') AS words,
                       nullif(array_to_string(ARRAY(
                           SELECT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || ''''
                             FROM unnest(tsvector_to_array(a.search_tier)) l WHERE l LIKE '%^10'), ' | '), '')
                           AS headline_words
                  FROM article a WHERE a.id = :id),
            excluded AS (
                SELECT l.target_article_id AS id FROM related_link l
                 WHERE l.article_id = :id AND l.target_article_id IS NOT NULL
                UNION ALL SELECT CAST(:id AS uuid)),
            src_tags AS (
                SELECT at.tag_id, t.slug,
                       ln((greatest((SELECT reltuples FROM pg_class WHERE oid = to_regclass('article')), 1) + 1.0)
                          / (1 + (SELECT count(*) FROM (SELECT 1 FROM article_tag x
                                   WHERE x.tag_id = at.tag_id AND x.public_from <= now() LIMIT 5000) c))) AS idf
                  FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = :id),
            by_tag AS (
                SELECT c.article_id AS id, sum(st.idf) AS tag_score,
                       array_agg(st.slug ORDER BY st.idf DESC, st.slug) AS shared
                  FROM src_tags st
                 CROSS JOIN LATERAL (SELECT x.article_id FROM article_tag x
                                      WHERE x.tag_id = st.tag_id AND x.public_from <= now()
                                      ORDER BY x.public_from DESC LIMIT 500) c
                 GROUP BY c.article_id),
            by_text AS (
                SELECT a.id, CAST(0 AS float8) AS tag_score, CAST('{}' AS text[]) AS shared
                  FROM article a, src
                 WHERE src.headline_words IS NOT NULL AND a.status = 'published' AND a.published_at <= now()
                   AND a.search_tier @@ CAST(src.headline_words AS tsquery)
                 ORDER BY a.published_at DESC LIMIT 300),
            cand AS (
                SELECT * FROM by_tag
                UNION ALL
                SELECT * FROM by_text WHERE by_text.id NOT IN (SELECT id FROM by_tag))
            SELECT a.id,
                   c.tag_score
                   + coalesce(ts_rank(a.search_head, CAST(src.words AS tsquery), 1), 0)
                   + 0.5 / (1 + extract(epoch FROM now() - a.published_at) / 2592000.0) AS score,
                   c.shared
              FROM cand c JOIN article a ON a.id = c.id CROSS JOIN src
             WHERE a.status = 'published' AND a.published_at <= now()
               AND c.id NOT IN (SELECT id FROM excluded)
             ORDER BY score DESC, a.published_at DESC, a.id DESC
             LIMIT :limit""";

    /** A related article, how related it is, and the tags it shares with the source, rarest first. */
    record Candidate(UUID id, double score, List<String> sharedTags) {}

    private final EntityManager em;

    RelatedRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    List<Candidate> related(UUID id, int limit) {
        List<Object[]> rows = em.createNativeQuery(RELATED)
                .setParameter("id", id)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Candidate((UUID) r[0], ((Number) r[1]).doubleValue(), Arrays.asList((String[]) r[2])))
                .toList();
    }
}
