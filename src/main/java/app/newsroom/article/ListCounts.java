package app.newsroom.article;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import app.newsroom.common.StatementKeys;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Totals of article lists, kept for a few seconds ({@code quarkus.cache.caffeine."article-list-counts"}). Counting
 * every published article costs orders of magnitude more than reading one page of them, so a busy front page would
 * spend nearly all its database time recounting. {@code totalItems} may therefore lag a write by
 * up to the cache's lifetime; the items themselves never do.
 */
@ApplicationScoped
class ListCounts {

    private final Cache cache;

    ListCounts(@CacheName("article-list-counts") Cache cache) {
        this.cache = cache;
    }

    long count(String sql, Map<String, Object> params, Query query) {
        return cache.get(StatementKeys.of(sql, params), k -> ((Number) query.getSingleResult()).longValue())
                .await()
                .indefinitely();
    }
}
