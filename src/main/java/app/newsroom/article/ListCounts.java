package app.newsroom.article;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Totals of article lists, kept for a few seconds ({@code quarkus.cache.caffeine."article-list-counts"}). Counting
 * every published article costs ~20 ms on 100,000 of them while the page itself takes well under one, so a busy
 * front page would spend nearly all its database time recounting. {@code totalItems} may therefore lag a write by
 * up to the cache's lifetime; the items themselves never do.
 */
@ApplicationScoped
class ListCounts {

    private final Cache cache;

    ListCounts(@CacheName("article-list-counts") Cache cache) {
        this.cache = cache;
    }

    long count(String sql, Map<String, Object> params, Query query) {
        Map<String, Object> key = new TreeMap<>(params);
        key.remove("now"); // changes every request; a few seconds of it change nothing that matters for a total
        key.put("", sql);
        return cache.get(key.toString(), k -> ((Number) query.getSingleResult()).longValue())
                .await()
                .indefinitely();
    }
}
