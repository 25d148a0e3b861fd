package app.newsroom.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import app.newsroom.changes.ChangeCursor;
import app.newsroom.webhook.WebhookDtos.PayloadForm;

/** The worker's SQL: the position in the change log, what partners were told, events, and the delivery queue. */
@ApplicationScoped
class WebhookQueue {

    private final EntityManager em;

    WebhookQueue(EntityManager em) {
        this.em = em;
    }

    /** Locks the position for this transaction; empty when another instance holds it (it is doing the work). */
    @SuppressWarnings("unchecked")
    Optional<ChangeCursor> lockPosition() {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT txid::text, seq FROM webhook_state WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        return rows.stream().findFirst().map(r -> new ChangeCursor((String) r[0], ((Number) r[1]).longValue()));
    }

    void movePosition(ChangeCursor to) {
        em.createNativeQuery("UPDATE webhook_state SET txid = CAST(:txid AS xid8), seq = :seq WHERE id = 1")
                .setParameter("txid", to.txid())
                .setParameter("seq", to.seq())
                .executeUpdate();
    }

    /** What partners were last told of these articles: the public ones then, with their tags and section. */
    @SuppressWarnings("unchecked")
    Map<UUID, Told> told(Collection<UUID> articles) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT article_id, array_to_string(tags, ','), section, corrections FROM webhook_article
                         WHERE article_id IN (:ids)""").setParameter("ids", articles).getResultList();
        Map<UUID, Told> told = new HashMap<>();
        for (Object[] r : rows) {
            String tags = (String) r[1];
            told.put((UUID) r[0], new Told(WebhookRepository.split(tags), (String) r[2], ((Number) r[3]).intValue()));
        }
        return told;
    }

    void tellPublic(UUID article, List<String> tags, String section, int corrections) {
        em.createNativeQuery("""
                INSERT INTO webhook_article (article_id, tags, section, corrections)
                VALUES (:id, string_to_array(:tags, ','), :section, :corrections)
                ON CONFLICT (article_id) DO UPDATE SET tags = excluded.tags, section = excluded.section,
                       corrections = excluded.corrections""")
                .setParameter("id", article)
                .setParameter("tags", String.join(",", tags))
                .setParameter("section", section)
                .setParameter("corrections", corrections)
                .executeUpdate();
    }

    /**
     * What partners may see of these articles, recorded in one statement without reading any article into memory: the
     * fan-out's path while no endpoint is registered (an import of thousands of articles then costs a statement per
     * batch), so that an endpoint registered later is told "updated", not "published", of what was public before.
     */
    void tellInBulk(Collection<UUID> articles) {
        em.createNativeQuery("""
                WITH visible AS (
                  SELECT a.id, a.section,
                         coalesce((SELECT array_agg(t.slug) FROM article_tag x JOIN tag t ON t.id = x.tag_id
                                    WHERE x.article_id = a.id), '{}') AS tags,
                         (SELECT count(*) FROM article_correction c WHERE c.article_id = a.id) AS corrections
                    FROM article a
                   WHERE a.id = ANY(:ids) AND a.status = 'published'
                     AND (a.published_at <= now() OR a.embargoed_until > now())),
                gone AS (
                  DELETE FROM webhook_article w
                   WHERE w.article_id = ANY(:ids) AND NOT EXISTS (SELECT 1 FROM visible v WHERE v.id = w.article_id))
                INSERT INTO webhook_article (article_id, tags, section, corrections)
                SELECT id, tags, section, corrections FROM visible
                ON CONFLICT (article_id) DO UPDATE SET tags = excluded.tags, section = excluded.section,
                       corrections = excluded.corrections""")
                .setParameter("ids", articles.toArray(new UUID[0]))
                .executeUpdate();
    }

    void tellGone(UUID article) {
        em.createNativeQuery("DELETE FROM webhook_article WHERE article_id = :id")
                .setParameter("id", article)
                .executeUpdate();
    }

    /** The endpoints that receive events: enabled or not (a disabled one queues until it is enabled again). */
    @SuppressWarnings("unchecked")
    List<Target> targets() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, array_to_string(events, ','), array_to_string(tags, ','),
                               array_to_string(sections, ','), payload, owner_role = 'partner'
                          FROM webhook
                         WHERE owner_role = 'admin' OR owner_key_id IS NOT NULL""").getResultList();
        return rows.stream()
                .map(r -> new Target(
                        (UUID) r[0],
                        WebhookRepository.split((String) r[1]).stream()
                                .map(WebhookEvent::of)
                                .toList(),
                        WebhookRepository.split((String) r[2]),
                        WebhookRepository.split((String) r[3]),
                        "full".equals(r[4]) ? PayloadForm.FULL : PayloadForm.SUMMARY,
                        (Boolean) r[5]))
                .toList();
    }

    void insertEvent(UUID id, WebhookEvent type, UUID article, String slug, String cursor) {
        em.createNativeQuery("""
                INSERT INTO webhook_event (id, type, article_id, slug, cursor) VALUES (:id, :type, :article, :slug,
                       :cursor)""")
                .setParameter("id", id)
                .setParameter("type", type.toString())
                .setParameter("article", article)
                .setParameter("slug", slug)
                .setParameter("cursor", cursor)
                .executeUpdate();
    }

    void insertDelivery(UUID webhook, UUID event, String body) {
        em.createNativeQuery("INSERT INTO webhook_delivery (webhook_id, event_id, body) VALUES (:w, :e, :body)")
                .setParameter("w", webhook)
                .setParameter("e", event)
                .setParameter("body", body)
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries, each the oldest pending one of its endpoint (so that an endpoint
     * receives its events one at a time, in order), for the lease: no other instance takes them meanwhile.
     */
    @SuppressWarnings("unchecked")
    List<Claimed> claim(int limit, Duration lease) {
        List<Object[]> rows = em.createNativeQuery("""
                        WITH due AS (
                          SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                           WHERE d.state = 'pending' AND d.next_attempt_at <= now()
                             AND (d.lease_until IS NULL OR d.lease_until < now())
                             AND w.disabled_at IS NULL
                             AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                              WHERE e.webhook_id = d.webhook_id AND e.state = 'pending'
                                                AND e.id < d.id)
                           ORDER BY d.id
                           LIMIT :limit
                           FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_delivery d
                           SET lease_until = now() + make_interval(secs => :lease)
                          FROM due, webhook w
                         WHERE d.id = due.id AND w.id = d.webhook_id
                     RETURNING d.id, d.webhook_id, d.event_id, d.body, d.attempts, d.created_at, w.url, w.secret""")
                .setParameter("limit", limit)
                .setParameter("lease", (double) lease.toSeconds())
                .getResultList();
        return rows.stream()
                .map(r -> new Claimed(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        (Instant) r[5],
                        (String) r[6],
                        (String) r[7]))
                .toList();
    }

    void recordAttempt(long delivery, int attempt, Instant at, Integer status, long latencyMs, String error) {
        em.createNativeQuery("""
                INSERT INTO webhook_attempt (delivery_id, attempt, at, status, latency_ms, error)
                VALUES (:d, :n, :at, :status, :latency, :error)""")
                .setParameter("d", delivery)
                .setParameter("n", attempt)
                .setParameter("at", at)
                .setParameter("status", status)
                .setParameter("latency", (int) Math.min(Integer.MAX_VALUE, latencyMs))
                .setParameter("error", error)
                .executeUpdate();
    }

    /** The delivery is over: delivered, or failed for good. */
    void finish(long delivery, int attempts, boolean delivered) {
        em.createNativeQuery("""
                UPDATE webhook_delivery SET attempts = :n, state = :state, lease_until = NULL, finished_at = now()
                 WHERE id = :id""")
                .setParameter("id", delivery)
                .setParameter("n", attempts)
                .setParameter("state", delivered ? "delivered" : "failed")
                .executeUpdate();
    }

    /** The delivery failed and is tried again at the given time. */
    void retry(long delivery, int attempts, Instant next) {
        em.createNativeQuery("""
                UPDATE webhook_delivery SET attempts = :n, lease_until = NULL, next_attempt_at = :next WHERE id = :id""")
                .setParameter("id", delivery)
                .setParameter("n", attempts)
                .setParameter("next", next)
                .executeUpdate();
    }

    void endpointSucceeded(UUID webhook) {
        em.createNativeQuery("UPDATE webhook SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .setParameter("id", webhook)
                .executeUpdate();
    }

    /** Marks the endpoint failing since now (unless it already was); disables it when it has failed that long. */
    void endpointFailed(UUID webhook, Duration disableAfter) {
        em.createNativeQuery("""
                UPDATE webhook SET failing_since = coalesce(failing_since, now()),
                       disabled_at = CASE WHEN failing_since <= now() - make_interval(secs => :after)
                                          THEN now() ELSE disabled_at END,
                       disabled_reason = CASE WHEN failing_since <= now() - make_interval(secs => :after)
                                              THEN :reason ELSE disabled_reason END
                 WHERE id = :id AND disabled_at IS NULL""")
                .setParameter("id", webhook)
                .setParameter("after", (double) disableAfter.toSeconds())
                .setParameter(
                        "reason",
                        "Every delivery failed for "
                                + (disableAfter.toHours() > 0
                                        ? disableAfter.toHours() + " hours"
                                        : disableAfter.toSeconds() + " seconds")
                                + "; fix the endpoint, then enable it (POST /webhooks/{id}/enable)")
                .executeUpdate();
    }

    /** Forgets finished deliveries (and events no delivery needs) older than the given time. */
    int purge(Instant before) {
        int gone = em.createNativeQuery("DELETE FROM webhook_delivery WHERE state <> 'pending' AND finished_at < :t")
                .setParameter("t", before)
                .executeUpdate();
        em.createNativeQuery("""
                DELETE FROM webhook_event e WHERE e.created_at < :t
                   AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)""").setParameter("t", before).executeUpdate();
        return gone;
    }

    record Told(List<String> tags, String section, int corrections) {}

    record Target(
            UUID id,
            List<WebhookEvent> events,
            List<String> tags,
            List<String> sections,
            PayloadForm payload,
            boolean partner) {}

    record Claimed(
            long id,
            UUID webhook,
            UUID event,
            String body,
            int attempts,
            Instant createdAt,
            String url,
            String secret) {}
}
