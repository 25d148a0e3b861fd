package app.newsroom.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The did-you-mean vocabulary: every folded word (lowercase, no accents) of published headlines, standfirsts and
 * bodies. A background job takes in articles changed since its last run, in batches, so writers never wait on it;
 * words are only ever added (a suggestion is checked against the live index before it is offered).
 */
@ApplicationScoped
class SearchVocabulary {

    /** Articles taken in per batch; a run continues until it has caught up. */
    private static final int BATCH = 2000;
    /**
     * The watermark trails by this much: an article whose transaction commits after a run, with an older
     * updated_at, is still taken in by the next run.
     */
    private static final String OVERLAP = "5 minutes";

    private final EntityManager em;

    SearchVocabulary(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${newsroom.search.vocabulary-every}", delayed = "5s",
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

    /** Takes in every article changed since the last run; answers how many new words it learnt. */
    int refresh() {
        int total = 0;
        for (int round = 0; round < 1000; round++) {
            int[] batch = refreshBatch();
            total += batch[0];
            if (batch[1] < BATCH) {
                break;
            }
        }
        return total;
    }

    /** One batch in one transaction: new words, articles read. */
    @Transactional
    int[] refreshBatch() {
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH state AS (SELECT refreshed_to FROM search_vocabulary_state WHERE id = 1 FOR UPDATE),
                batch AS (
                    SELECT a.updated_at, a.headline, a.standfirst, a.body_text FROM article a, state s
                     WHERE a.status = 'published' AND a.updated_at > s.refreshed_to
                     ORDER BY a.updated_at LIMIT :batch),
                words AS (
                    INSERT INTO search_word (word)
                    SELECT DISTINCT w FROM batch b
                     CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('newsroom_simple',
                            b.headline || ' ' || coalesce(b.standfirst, '') || ' ' || b.body_text))) w
                     WHERE length(w) BETWEEN 3 AND 60 AND w ~ '^[[:alpha:]]+$'
                    ON CONFLICT DO NOTHING RETURNING 1),
                moved AS (
                    UPDATE search_vocabulary_state
                       SET refreshed_to = CASE WHEN (SELECT count(*) FROM batch) < :batch
                                               THEN greatest(refreshed_to, now() - CAST(:overlap AS interval))
                                               ELSE (SELECT max(updated_at) FROM batch) END
                     WHERE id = 1 RETURNING 1)
                SELECT (SELECT count(*) FROM words), (SELECT count(*) FROM batch), (SELECT count(*) FROM moved)""")
                .setParameter("batch", BATCH).setParameter("overlap", OVERLAP).getSingleResult();
        return new int[] { ((Number) r[0]).intValue(), ((Number) r[1]).intValue() };
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
                .setParameter("word", word).setParameter("limit", limit).getResultList();
    }

    /** Whether the corpus has this word (folded). */
    boolean known(String word) {
        return (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM search_word WHERE word = newsroom_fold(:word))")
                .setParameter("word", word).getSingleResult();
    }
}
