package app.newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import app.newsroom.common.NewsroomConfig;

/**
 * How common lexemes and impact tiers are, read from PostgreSQL's own statistics ({@code pg_stats}: ANALYZE keeps
 * the 10,000 most common elements of each tsvector column, see the V6 migration) and kept for a few minutes. An
 * element absent from the statistics is rare. Used only to choose a plan, never to decide what matches.
 */
@ApplicationScoped
class SearchStats {

    record Snapshot(Map<String, Double> docFreq, Map<String, Double> tierFreq, double rows, Instant readAt) {
    }

    private final EntityManager em;
    private final Duration ttl;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), 0, Instant.EPOCH);

    SearchStats(EntityManager em, NewsroomConfig config) {
        this.em = em;
        this.ttl = config.search().statsTtl();
    }

    Snapshot current() {
        Snapshot s = snapshot;
        if (s.readAt().plus(ttl).isBefore(Instant.now())) {
            synchronized (this) {
                if (snapshot == s) {
                    snapshot = read();
                }
                s = snapshot;
            }
        }
        return s;
    }

    /** Uses these statistics until they expire (tests: a plan that does not depend on what ANALYZE sampled). */
    void pin(Map<String, Double> docFreq, Map<String, Double> tierFreq, double rows) {
        snapshot = new Snapshot(Map.copyOf(docFreq), Map.copyOf(tierFreq), rows, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private Snapshot read() {
        Map<String, Double> doc = new HashMap<>();
        Map<String, Double> tier = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT CAST(s.attname AS text), e.elem, e.freq
                  FROM pg_stats s
                 CROSS JOIN LATERAL unnest(CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs) AS e(elem, freq)
                 WHERE s.schemaname = current_schema() AND s.tablename = 'article'
                   AND s.attname IN ('search_vector', 'search_tier') AND e.elem IS NOT NULL""").getResultList();
        for (Object[] r : rows) {
            ("search_tier".equals(r[0]) ? tier : doc).put((String) r[1], ((Number) r[2]).doubleValue());
        }
        Number n = (Number) em.createNativeQuery(
                "SELECT CAST(greatest(reltuples, 0) AS float8) FROM pg_class WHERE oid = to_regclass('article')").getSingleResult();
        return new Snapshot(doc, tier, n == null ? 0 : n.doubleValue(), Instant.now());
    }
}
