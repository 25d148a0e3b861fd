package app.newsroom.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The did-you-mean vocabulary: every folded word (lowercase, no accents) of public headlines, standfirsts and bodies.
 * A background job takes in articles changed since its last run, so writers never wait on it; words are only ever
 * added, and a suggested word is offered only when it matches public articles by itself (so a word of an article
 * that has since been unpublished is never revealed).
 */
@ApplicationScoped
class SearchVocabulary {

    /** How far the watermark trails the clock: longer than any writing transaction should stay open. */
    private static final String OVERLAP = "5 minutes";

    private final EntityManager em;

    SearchVocabulary(EntityManager em) {
        this.em = em;
    }

    @Scheduled(
            every = "${newsroom.search.vocabulary-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            int words = refresh();
            if (words > 0) {
                Log.infof("Search vocabulary: %d new words", words);
            }
        } catch (RuntimeException e) {
            Log.warnf("Search vocabulary refresh failed, retrying next run: %s", e.getMessage());
        }
    }

    /**
     * Takes in every public article changed (or released from its schedule) since the last run; answers how many new
     * words it learnt. The watermark trails the database clock by {@link #OVERLAP}, so a transaction that commits
     * after a run, with an earlier timestamp, is taken in by the next one, and no batch boundary can split a group
     * of rows stamped alike (a tag's deletion touches all its articles at once).
     */
    @Transactional
    int refresh() {
        // statements stop after 10 s (statement_timeout); the first run reads the whole corpus
        em.createNativeQuery("SET LOCAL statement_timeout = '10min'").executeUpdate();
        return ((Number) em.createNativeQuery("""
                WITH state AS (SELECT refreshed_to FROM search_vocabulary_state WHERE id = 1 FOR UPDATE),
                changed AS (
                    SELECT a.headline, a.standfirst, a.body_text FROM article a, state s
                     WHERE a.status = 'published' AND a.published_at <= now()
                       AND greatest(a.updated_at, a.published_at) > s.refreshed_to),
                words AS (
                    INSERT INTO search_word (word)
                    SELECT DISTINCT w FROM changed c
                     CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('newsroom_simple',
                            c.headline || ' ' || coalesce(c.standfirst, '') || ' ' || c.body_text))) w
                     WHERE length(w) BETWEEN 3 AND 60 AND w ~ '^[[:alpha:]]+$'
                    ON CONFLICT DO NOTHING RETURNING 1),
                moved AS (
                    UPDATE search_vocabulary_state
                       SET refreshed_to = greatest(refreshed_to, now() - CAST(:overlap AS interval))
                     WHERE id = 1 RETURNING 1)
                SELECT (SELECT count(*) FROM words) + 0 * (SELECT count(*) FROM moved)""")
                        .setParameter("overlap", OVERLAP)
                        .getSingleResult())
                .intValue();
    }

    /** Vocabulary words closest in spelling to this one (trigram similarity), best first. */
    @SuppressWarnings("unchecked")
    List<String> closest(String word, int limit) {
        return em.createNativeQuery("""
                SELECT w.word FROM search_word w
                 WHERE w.word % newsroom_fold(:word) AND w.word <> newsroom_fold(:word)
                 ORDER BY similarity(w.word, newsroom_fold(:word)) DESC,
                          abs(length(w.word) - length(:word)), w.word
                 LIMIT :limit""")
                .setParameter("word", word)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Whether the corpus has this word (folded). */
    boolean known(String word) {
        return (Boolean)
                em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM search_word WHERE word = newsroom_fold(:word))")
                        .setParameter("word", word)
                        .getSingleResult();
    }
}
