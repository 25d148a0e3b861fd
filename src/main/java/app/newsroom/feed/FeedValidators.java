package app.newsroom.feed;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.newsroom.common.http.HttpCaching;

/**
 * Feed validators from the change log: any change to what a feed can show (a published article
 * created, edited, unpublished or deleted, a tag renamed, a scheduled article coming due) adds an entry, so the
 * newest entry's position is a cheap, conservative version of every feed.
 */
@ApplicationScoped
class FeedValidators {

    private final EntityManager em;

    FeedValidators(EntityManager em) {
        this.em = em;
    }

    record Validator(String etag, Instant lastModified) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    Validator current(String variant) {
        // The newest entry below the snapshot's xmin, plus how many visible entries sit at or above it: a change that
        // commits behind a slow transaction still moves the validator (see V4__change_log.sql for the horizon).
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
                SELECT (SELECT c.txid::text || '.' || c.seq FROM article_change c, h WHERE c.txid < h.xmin
                         ORDER BY c.txid DESC, c.seq DESC LIMIT 1),
                       (SELECT count(*) FROM article_change c, h WHERE c.txid >= h.xmin),
                       (SELECT max(c.changed_at) FROM article_change c)""").getSingleResult();
        // an entry written by a transaction still open, or committed behind one, may carry an older time than what
        // a client already saw: then If-Modified-Since must not be trusted, so the feed claims to be new
        boolean unsettled = ((Number) row[1]).longValue() > 0;
        Instant lastModified = unsettled ? Instant.now() : row[2] == null ? Instant.EPOCH : (Instant) row[2];
        return new Validator(HttpCaching.etagOf("feed|" + variant + "|" + row[0] + "|" + row[1]), lastModified);
    }
}
