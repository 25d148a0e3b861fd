package app.newsroom.changes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The change log's SQL: reads bounded by the snapshot's xmin, retention, and the release of scheduled articles. */
@ApplicationScoped
class ChangeRepository {

    private final EntityManager em;

    ChangeRepository(EntityManager em) {
        this.em = em;
    }

    /** Makes the current transaction see one snapshot; must come before its first query. */
    void repeatableRead() {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
    }

    /**
     * The latest entry of each article changed after the cursor, in (txid, seq) order, among entries whose
     * transactions have all finished. An entry that a later one of the same article supersedes is skipped: the later
     * one sorts after it, so the article still comes, once, at the position of its latest change.
     */
    private static final String AFTER = """
            SELECT c.txid::text, c.seq, c.article_id, c.kind, c.slug, c.changed_at
              FROM article_change c
             WHERE (c.txid, c.seq) > (CAST(:txid AS xid8), :seq)
               AND c.txid < pg_snapshot_xmin(pg_current_snapshot())
               AND NOT EXISTS (SELECT 1 FROM article_change n
                                WHERE n.article_id = c.article_id AND (n.txid, n.seq) > (c.txid, c.seq))
             ORDER BY c.txid, c.seq
             LIMIT :limit""";

    @SuppressWarnings("unchecked")
    List<Entry> after(ChangeCursor cursor, int limit) {
        List<Object[]> rows = em.createNativeQuery(AFTER)
                .setParameter("txid", cursor.txid())
                .setParameter("seq", cursor.seq())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        new ChangeCursor((String) r[0], ((Number) r[1]).longValue()),
                        (UUID) r[2],
                        (String) r[3],
                        (String) r[4],
                        (Instant) r[5]))
                .toList();
    }

    /** The newest deletion retention has purged: a cursor before it may have missed it. */
    ChangeCursor purgedThrough() {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT purged_txid::text, purged_seq, purge_generation FROM change_log_state WHERE id = 1")
                .getSingleResult();
        return new ChangeCursor((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    private static final String PURGE = """
                WITH gone AS (
                  DELETE FROM article_change c
                   WHERE c.changed_at < :olderThan
                     AND (c.kind = 'delete' OR EXISTS (SELECT 1 FROM article_change n
                          WHERE n.article_id = c.article_id AND (n.txid, n.seq) > (c.txid, c.seq)))
                  RETURNING c.txid, c.seq, c.kind)
                SELECT (SELECT count(*) FROM gone),
                       (SELECT txid::text FROM gone WHERE kind = 'delete' ORDER BY txid DESC, seq DESC LIMIT 1),
                       (SELECT seq FROM gone WHERE kind = 'delete' ORDER BY txid DESC, seq DESC LIMIT 1)""";

    /**
     * Compacts the log: entries older than the retention that a later entry of the same article supersedes, and
     * deletions older than it, go; the newest entry of every live article stays, so a client starting from the
     * beginning still receives every article. Records the purged position. Returns the number purged.
     */
    int purge(Instant olderThan) {
        em.createNativeQuery("SET LOCAL statement_timeout = '10min'").executeUpdate(); // a job, past the 10 s limit
        Object[] row = (Object[])
                em.createNativeQuery(PURGE).setParameter("olderThan", olderThan).getSingleResult();
        int count = ((Number) row[0]).intValue();
        // only a purged deletion can be missed by a cursor before it: a purged superseded entry has a newer one
        // for the same article further on, which every such cursor still reaches
        if (row[1] != null) {
            ChangeCursor last = new ChangeCursor((String) row[1], ((Number) row[2]).longValue());
            if (purgedThrough().isBefore(last.txid(), last.seq())) {
                em.createNativeQuery("""
                        UPDATE change_log_state SET purged_txid = CAST(:txid AS xid8), purged_seq = :seq,
                               purge_generation = purge_generation + 1 WHERE id = 1""")
                        .setParameter("txid", last.txid())
                        .setParameter("seq", last.seq())
                        .executeUpdate();
            }
        }
        return count;
    }

    /**
     * Logs the scheduled articles whose publication time has come since the last release, so that partners see them
     * appear. Returns how many.
     */
    int releaseScheduled() {
        // one instance at a time (the row lock), on the database's clock; an article already logged at or after
        // its publication time (published directly, or edited since) needs no second entry
        em.createNativeQuery("SELECT id FROM change_log_state WHERE id = 1 FOR UPDATE")
                .getResultList();
        int released = em.createNativeQuery("""
                INSERT INTO article_change (article_id, kind, slug)
                SELECT a.id, 'change', a.slug FROM article a, change_log_state s
                 WHERE s.id = 1 AND a.status = 'published'
                   AND a.published_at > s.released_until AND a.published_at <= now()
                   AND NOT EXISTS (SELECT 1 FROM article_change c
                                    WHERE c.article_id = a.id AND c.changed_at >= a.published_at)""").executeUpdate();
        em.createNativeQuery(
                        "UPDATE change_log_state SET released_until = greatest(released_until, now()) WHERE id = 1")
                .executeUpdate();
        return released;
    }

    record Entry(ChangeCursor position, UUID articleId, String kind, String slug, Instant at) {}
}
