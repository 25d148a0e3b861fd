package app.newsroom.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The SQL of autocomplete: tags and published headlines that start with, contain or resemble what was typed, case-
 * and accent-insensitively, from trigram and prefix indexes.
 */
@ApplicationScoped
class SuggestRepository {

    /**
     * Tags whose name or slug starts with, contains or resembles the text. The text is folded first, then its LIKE
     * wildcards escaped: folding turns a fullwidth ％ into %.
     */
    private static final String TAGS = """
            WITH f AS (SELECT newsroom_fold(:text) AS folded,
                              replace(replace(replace(newsroom_fold(:text), '\\', '\\\\'), '%', '\\%'), '_', '\\_')
                                  AS escaped)
            SELECT t.slug, t.name FROM tag t, f
             WHERE newsroom_fold(t.name) LIKE '%' || f.escaped || '%' ESCAPE '\\'
                OR t.slug LIKE '%' || f.escaped || '%' ESCAPE '\\'
                OR lower(t.name) % f.folded
             ORDER BY (newsroom_fold(t.name) LIKE f.escaped || '%' ESCAPE '\\'
                       OR t.slug LIKE f.escaped || '%' ESCAPE '\\') DESC,
                      (newsroom_fold(t.name) LIKE '% ' || f.escaped || '%' ESCAPE '\\') DESC,
                      similarity(lower(t.name), f.folded) DESC, t.name
             LIMIT :limit""";

    /**
     * Headlines that start with or contain the text (at a word start first): the newest 200 containing it are ranked,
     * so a one-letter prefix costs one short index scan.
     */
    private static final String HEADLINES = """
            WITH f AS (SELECT replace(replace(replace(newsroom_fold(:text), '\\', '\\\\'), '%', '\\%'), '_', '\\_')
                                  AS escaped)
            SELECT c.id, c.slug, c.headline FROM (
                SELECT a.id, a.slug, a.headline, a.published_at, newsroom_fold(a.headline) AS folded, f.escaped
                  FROM article a, f
                 WHERE a.status = 'published' AND a.published_at <= now()
                   AND newsroom_fold(a.headline) LIKE '%' || f.escaped || '%' ESCAPE '\\'
                 ORDER BY a.published_at DESC LIMIT 200) c
             ORDER BY (c.folded LIKE c.escaped || '%' ESCAPE '\\') DESC,
                      (c.folded LIKE '% ' || c.escaped || '%' ESCAPE '\\') DESC,
                      c.published_at DESC, c.id DESC
             LIMIT :limit""";

    /** Headlines that resemble the text (word similarity), for when few contain it. */
    private static final String SIMILAR_HEADLINES = """
            SELECT a.id, a.slug, a.headline FROM article a
             WHERE a.status = 'published' AND a.published_at <= now()
               AND newsroom_fold(:text) <% newsroom_fold(a.headline)
             ORDER BY word_similarity(newsroom_fold(:text), newsroom_fold(a.headline)) DESC, a.published_at DESC
             LIMIT :limit""";

    /** Similar headlines are looked for from this many characters on: shorter texts resemble too much. */
    private static final int SIMILAR_FROM = 4;

    record TagMatch(String slug, String name) {}

    record HeadlineMatch(UUID id, String slug, String headline) {}

    private final EntityManager em;

    SuggestRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    List<TagMatch> tags(String text, int limit) {
        List<Object[]> rows = em.createNativeQuery(TAGS)
                .setParameter("text", text)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new TagMatch((String) r[0], (String) r[1]))
                .toList();
    }

    /** Headlines containing the text, then, when those are few, resembling it. */
    @SuppressWarnings("unchecked")
    List<HeadlineMatch> headlines(String text, int limit) {
        List<HeadlineMatch> found = new ArrayList<>(headlineRows(HEADLINES, text, limit));
        if (found.size() < limit && text.length() >= SIMILAR_FROM) {
            Set<UUID> seen = new HashSet<>();
            found.forEach(h -> seen.add(h.id()));
            for (HeadlineMatch h : headlineRows(SIMILAR_HEADLINES, text, limit)) {
                if (found.size() < limit && seen.add(h.id())) {
                    found.add(h);
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<HeadlineMatch> headlineRows(String sql, String text, int limit) {
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter("text", text)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new HeadlineMatch((UUID) r[0], (String) r[1], (String) r[2]))
                .toList();
    }
}
