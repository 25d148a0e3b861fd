package app.newsroom.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.newsroom.webhook.WebhookDtos.PayloadForm;

/** The endpoints' SQL: registration, visibility by owner, and the delivery log an owner reads. */
@ApplicationScoped
class WebhookRepository {

    private static final String COLUMNS = """
            w.id, w.url, w.description, array_to_string(w.events, ','), array_to_string(w.tags, ','),
            array_to_string(w.sections, ','), w.payload, w.created_at, w.failing_since, w.disabled_at,
            w.disabled_reason, w.secret, w.owner_key_id""";

    /** Who may see an endpoint: an admin every one, a partner those its key registered. */
    private static final String VISIBLE = "(CAST(:admin AS boolean) OR w.owner_key_id = :owner)";

    private final EntityManager em;

    WebhookRepository(EntityManager em) {
        this.em = em;
    }

    void insert(Endpoint e, String ownerRole) {
        em.createNativeQuery("""
                INSERT INTO webhook (id, url, description, events, tags, sections, payload, secret, owner_key_id,
                                     owner_role, created_at)
                VALUES (:id, :url, :description, string_to_array(:events, ','), string_to_array(:tags, ','),
                        string_to_array(:sections, ','), :payload, :secret, :owner, :role, :createdAt)""")
                .setParameter("id", e.id())
                .setParameter("url", e.url())
                .setParameter("description", e.description())
                .setParameter(
                        "events",
                        String.join(
                                ",", e.events().stream().map(Object::toString).toList()))
                .setParameter("tags", String.join(",", e.tags()))
                .setParameter("sections", String.join(",", e.sections()))
                .setParameter("payload", e.payload().toString())
                .setParameter("secret", e.secret())
                .setParameter("owner", e.owner())
                .setParameter("role", ownerRole)
                .setParameter("createdAt", e.createdAt())
                .executeUpdate();
    }

    long countOwnedBy(UUID owner) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM webhook WHERE owner_key_id = :owner")
                        .setParameter("owner", owner)
                        .getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    List<Endpoint> visible(boolean admin, UUID owner) {
        Query q = em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM webhook w WHERE " + VISIBLE + " ORDER BY w.created_at, w.id");
        List<Object[]> rows = visibleTo(q, admin, owner).getResultList();
        return rows.stream().map(WebhookRepository::endpoint).toList();
    }

    @SuppressWarnings("unchecked")
    Optional<Endpoint> find(UUID id, boolean admin, UUID owner) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook w WHERE w.id = :id AND " + VISIBLE)
                .setParameter("id", id);
        List<Object[]> rows = visibleTo(q, admin, owner).getResultList();
        return rows.stream().findFirst().map(WebhookRepository::endpoint);
    }

    boolean delete(UUID id) {
        return em.createNativeQuery("DELETE FROM webhook WHERE id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    /** Makes a delivery due again now, whatever became of it; false when the endpoint has no such delivery. */
    boolean redeliver(UUID webhookId, long deliveryId) {
        return em.createNativeQuery("""
                        UPDATE webhook_delivery SET state = 'pending', next_attempt_at = now(), lease_until = NULL,
                               finished_at = NULL
                         WHERE id = :id AND webhook_id = :webhook""")
                        .setParameter("id", deliveryId)
                        .setParameter("webhook", webhookId)
                        .executeUpdate()
                > 0;
    }

    /** Re-enables an endpoint disabled for failing; its pending deliveries go out again. */
    void enable(UUID id) {
        em.createNativeQuery(
                        "UPDATE webhook SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL WHERE id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** The newest deliveries of an endpoint with their attempts, newest first. */
    @SuppressWarnings("unchecked")
    List<WebhookDtos.Delivery> deliveries(UUID webhookId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.id, e.id, e.type, e.article_id, e.slug, d.state, d.next_attempt_at, d.created_at,
                       d.finished_at
                  FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                 WHERE d.webhook_id = :webhook
                 ORDER BY d.id DESC
                 LIMIT :limit""")
                .setParameter("webhook", webhookId)
                .setParameter("limit", limit)
                .getResultList();
        Map<Long, List<WebhookDtos.Attempt>> attempts = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Object[]> tries = em.createNativeQuery("""
                    SELECT a.delivery_id, a.attempt, a.at, a.status, a.latency_ms, a.error
                      FROM webhook_attempt a
                     WHERE a.delivery_id IN (:ids)
                     ORDER BY a.delivery_id, a.attempt""")
                    .setParameter(
                            "ids",
                            rows.stream().map(r -> ((Number) r[0]).longValue()).toList())
                    .getResultList();
            for (Object[] a : tries) {
                attempts.computeIfAbsent(((Number) a[0]).longValue(), k -> new ArrayList<>())
                        .add(new WebhookDtos.Attempt(
                                ((Number) a[1]).intValue(),
                                (Instant) a[2],
                                a[3] == null ? null : ((Number) a[3]).intValue(),
                                ((Number) a[4]).longValue(),
                                (String) a[5]));
            }
        }
        return rows.stream()
                .map(r -> new WebhookDtos.Delivery(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        WebhookEvent.of((String) r[2]),
                        (UUID) r[3],
                        (String) r[4],
                        (String) r[5],
                        "pending".equals(r[5]) ? (Instant) r[6] : null,
                        (Instant) r[7],
                        (Instant) r[8],
                        attempts.getOrDefault(((Number) r[0]).longValue(), List.of())))
                .toList();
    }

    private static Query visibleTo(Query q, boolean admin, UUID owner) {
        return q.setParameter("admin", admin).setParameter("owner", owner == null ? new UUID(0, 0) : owner);
    }

    private static Endpoint endpoint(Object[] r) {
        return new Endpoint(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                split((String) r[3]).stream().map(WebhookEvent::of).toList(),
                split((String) r[4]),
                split((String) r[5]),
                PayloadForm.valueOf(((String) r[6]).toUpperCase(Locale.ROOT)),
                (Instant) r[7],
                (Instant) r[8],
                (Instant) r[9],
                (String) r[10],
                (String) r[11],
                (UUID) r[12]);
    }

    /** A list the SQL joined with commas (array_to_string): slugs and event names hold none. */
    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** An endpoint as stored. */
    record Endpoint(
            UUID id,
            String url,
            String description,
            List<WebhookEvent> events,
            List<String> tags,
            List<String> sections,
            PayloadForm payload,
            Instant createdAt,
            Instant failingSince,
            Instant disabledAt,
            String disabledReason,
            String secret,
            UUID owner) {

        WebhookDtos.WebhookResponse response() {
            return new WebhookDtos.WebhookResponse(
                    id,
                    url,
                    description,
                    events,
                    tags,
                    sections,
                    payload,
                    createdAt,
                    failingSince,
                    disabledAt,
                    disabledReason);
        }
    }
}
