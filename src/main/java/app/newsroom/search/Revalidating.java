package app.newsroom.search;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;

/**
 * Stale-while-revalidate in front of a cache of expensive answers (match totals, facets, tier counts): when the
 * fresh cache no longer holds an answer but one computed at most {@code staleFor} ago is known, that one is answered
 * at once and a single background task computes the new one. Only an answer never seen (or older than
 * {@code staleFor}) makes its request wait. Without it, every expiry made one request per query wait for a count of
 * 40,000 matches with its facets (~250 ms alone, ~1 s under load). A {@code staleFor} of zero turns it off.
 */
final class Revalidating {

    /** The fresh cache: answers the current value, computing it when absent (shared by concurrent callers). */
    interface Fresh {
        /** The cached answer, or null when it expired or was never computed. */
        Object ifPresent(String key);

        Object get(String key, Function<String, Object> compute);
    }

    private final Fresh fresh;
    private final com.github.benmanes.caffeine.cache.Cache<String, Object> last;
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Executor background;
    private final boolean enabled;

    /**
     * @param background runs the recomputations; it must give them what the computation needs (a transaction for
     *        database work)
     */
    Revalidating(Fresh fresh, Duration staleFor, int maximumSize, Executor background) {
        this.fresh = fresh;
        this.background = background;
        this.enabled = !staleFor.isZero();
        this.last = Caffeine.newBuilder().expireAfterWrite(enabled ? staleFor : Duration.ofNanos(1))
                .maximumSize(maximumSize).build();
    }

    /** In front of a Quarkus (Caffeine) cache: its entries are the fresh answers. */
    static Revalidating over(io.quarkus.cache.Cache cache, Duration staleFor, int maximumSize, Executor background) {
        io.quarkus.cache.CaffeineCache caffeine = cache.as(io.quarkus.cache.CaffeineCache.class);
        return new Revalidating(new Fresh() {
            @Override
            public Object ifPresent(String key) {
                // an answer still being computed counts as absent: the stale one is answered meanwhile
                java.util.concurrent.CompletableFuture<Object> f = caffeine.getIfPresent(key);
                return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
            }

            @Override
            public Object get(String key, Function<String, Object> compute) {
                return cache.get(key, compute).await().indefinitely();
            }
        }, staleFor, maximumSize, background);
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        if (!enabled) {
            return (T) fresh.get(key, k -> compute.get());
        }
        Object current = fresh.ifPresent(key);
        if (current != null) {
            return (T) current;
        }
        Object stale = last.getIfPresent(key);
        if (stale == null) {
            T value = (T) fresh.get(key, k -> compute.get());
            last.put(key, value);
            return value;
        }
        if (refreshing.add(key)) {
            try {
                background.execute(() -> {
                    try {
                        last.put(key, fresh.get(key, k -> compute.get()));
                    } catch (RuntimeException e) {
                        Log.warnf("Recomputing %s failed: %s", key, e.toString());
                    } finally {
                        refreshing.remove(key);
                    }
                });
            } catch (RuntimeException rejected) { // the executor is shutting down or saturated: answer the stale one
                refreshing.remove(key);
            }
        }
        return (T) stale;
    }
}
