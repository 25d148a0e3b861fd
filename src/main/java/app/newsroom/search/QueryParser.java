package app.newsroom.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * How PostgreSQL reads a search query: the text search configurations of the languages in use, and the query in
 * web-search syntax parsed with each of them.
 */
@ApplicationScoped
class QueryParser {

    /** The configurations of the languages published articles use: a loose scan of the language index. */
    private static final String CONFIGS_IN_USE = """
            WITH RECURSIVE l(language) AS (
                (SELECT language FROM article WHERE status = 'published' ORDER BY language LIMIT 1)
                UNION ALL
                SELECT (SELECT a.language FROM article a WHERE a.status = 'published' AND a.language > l.language
                         ORDER BY a.language LIMIT 1)
                  FROM l WHERE l.language IS NOT NULL)
            SELECT DISTINCT CAST(newsroom_search_config(language) AS text)
              FROM l WHERE language IS NOT NULL ORDER BY 1""";

    private static final String CONFIG_OF = "SELECT CAST(newsroom_search_config(:language) AS text)";

    /** The query parsed with each configuration, in order, with its positive lexemes. */
    private static final String PARSE = """
            SELECT c, CAST(x.q AS text), numnode(x.q), querytree(x.q),
                   (SELECT array_agg(DISTINCT m[1])
                      FROM regexp_matches(querytree(x.q), '''((?:[^'']|'''')*)''', 'g') m)
              FROM unnest(CAST(:configs AS text[])) WITH ORDINALITY AS u(c, n)
             CROSS JOIN LATERAL (SELECT websearch_to_tsquery(CAST(u.c AS regconfig), :q) AS q) x
             ORDER BY u.n""";

    private final EntityManager em;

    QueryParser(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    List<String> configsInUse() {
        return em.createNativeQuery(CONFIGS_IN_USE).getResultList();
    }

    /** The configuration of one language filter. */
    String configOf(String language) {
        return (String) em.createNativeQuery(CONFIG_OF)
                .setParameter("language", language)
                .getSingleResult();
    }

    /** Parses web-search syntax with each configuration; one statement. */
    @SuppressWarnings("unchecked")
    List<ParsedQuery> parse(String q, List<String> configs) {
        List<Object[]> rows = em.createNativeQuery(PARSE)
                .setParameter("configs", configs.toArray(new String[0]))
                .setParameter("q", q)
                .getResultList();
        List<ParsedQuery> parsed = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> lexemes = new ArrayList<>();
            if (r[4] != null) {
                for (String raw : (String[]) r[4]) {
                    lexemes.add(raw.replace("''", "'").replace("\\\\", "\\"));
                }
            }
            parsed.add(new ParsedQuery(
                    (String) r[0],
                    (String) r[1],
                    lexemes,
                    ((Number) r[2]).intValue(),
                    r[3] == null ? "" : (String) r[3]));
        }
        return parsed;
    }
}
