package app.newsroom.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.newsroom.common.NewsroomConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * The answers of public GETs, as sent, bounded by their size in bytes (Caffeine, {@code newsroom.cache.max-size}),
 * keyed by who asked (the public, or a partner), the host and the request URI. An answer is only ever served while it
 * is certain to be current:
 * <ul>
 * <li>it is dropped when PostgreSQL notifies a change of anything it shows ({@link #invalidate}, from
 * {@link InvalidationListener});</li>
 * <li>while the listener is not listening, nothing is served or kept ({@link #live}), and everything is dropped when it
 * listens again, since notifications may have been missed meanwhile;</li>
 * <li>an answer computed while an invalidation happened is not kept: its data may predate the change whose
 * notification has just been handled ({@link #epoch}).</li>
 * </ul>
 */
@ApplicationScoped
public class ResponseCache {

    private final Cache<String, CachedResponse> entries;
    private final boolean enabled;
    /** Moves on with every invalidation; an answer is kept only if it did not move while the answer was computed. */
    private final AtomicLong epoch = new AtomicLong();

    private volatile boolean live;

    ResponseCache(NewsroomConfig config, MeterRegistry registry) {
        this.enabled = config.cache().enabled();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxSize().asLongValue())
                .weigher((String key, CachedResponse value) -> value.weight())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, entries, "response-cache");
    }

    /**
     * The key of an answer: audience ({@code public} or {@code partner}), host (feeds write absolute links), and URI with
     * its query, as the client sent them.
     */
    static String key(String audience, HttpServerRequest request) {
        HostAndPort authority = request.authority(); // Host, or HTTP/2's :authority
        String accept = request.getHeader("Accept");
        // the one representation chosen by Accept besides JSON: an article as ninjs
        String variant = accept != null && accept.contains("ninjs") ? " ninjs" : "";
        return audience + ' ' + (authority == null ? "" : authority.toString()) + ' ' + request.uri() + variant;
    }

    /** The answer kept for this key, when it may be served. */
    public CachedResponse get(String key) {
        return live ? entries.getIfPresent(key) : null;
    }

    /** The value to hand back to {@link #put} for an answer computed from now on. */
    public long epoch() {
        return epoch.get();
    }

    /** Keeps an answer computed since {@code since} (an {@link #epoch()}), unless something changed meanwhile. */
    public void put(String key, CachedResponse response, long since) {
        if (!live || epoch.get() != since) {
            return;
        }
        entries.put(key, response);
        if (epoch.get() != since) {
            // an invalidation started between the check and the put, and may have scanned before the put
            entries.asMap().remove(key, response);
        }
    }

    /** Keeps the gzipped form of an answer beside it (its weight grows), unless the answer was replaced or dropped. */
    CachedResponse gzipped(String key, CachedResponse response) {
        CachedResponse withGzip = response.withGzip();
        entries.asMap().replace(key, response, withGzip);
        return withGzip;
    }

    /** Drops every answer filed under any of these keys ({@link SurrogateKeys#EVERYTHING}: all). */
    void invalidate(Set<String> stale) {
        epoch.incrementAndGet();
        if (stale.contains(SurrogateKeys.EVERYTHING)) {
            entries.invalidateAll();
            return;
        }
        entries.asMap().values().removeIf(response -> intersects(response.keys, stale));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Collection<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String key : small) {
            if (large.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether answers may be served and kept: caching is on and the listener is listening. */
    public boolean live() {
        return live;
    }

    /** Turns serving on (listening, after a flush) or off (not listening: everything is dropped). */
    void live(boolean listening) {
        if (listening && enabled) {
            invalidate(Set.of(SurrogateKeys.EVERYTHING));
            live = true;
        } else {
            live = false;
            invalidate(Set.of(SurrogateKeys.EVERYTHING));
        }
    }

    long size() {
        return entries.estimatedSize();
    }
}
