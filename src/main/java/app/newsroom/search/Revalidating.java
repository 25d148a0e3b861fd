package app.newsroom.search;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;

/**
 * A cache of expensive answers (match totals, facets, tier counts, did-you-mean) that are fresh for a while, then
 * stale-while-revalidate: a stale answer (computed at most {@code staleFor} ago) is answered at once while a single
 * background task computes the new one. Only an answer never seen (or older than {@code staleFor}) makes its request
 * wait. Without it, every expiry made one request per query wait for a count of 40,000 matches with its facets
 * (~250 ms alone, ~1 s under load).
 *
 * <p>
 * How long an answer stays fresh depends on what it cost: at least {@code freshFor}, and {@value #COST_FACTOR} times
 * the time it took to compute, up to half of {@code staleFor}. A popular query whose count takes 300 ms is then
 * counted again every 30 s, not every 10 s, so recounting takes at most ~1 % of a core per query however often it is
 * asked; a cheap count stays as fresh as configured. A {@code staleFor} of zero turns the stale answers off, and both
 * durations at zero the cache.
 */
final class Revalidating {

    /** Fresh for this many times its computing time: recomputing a popular answer costs at most 1 / this of a core. */
    static final int COST_FACTOR = 100;

    private record Entry(Object value, long computedAt, long freshUntil) {}

    private final Cache<String, Entry> entries;
    private final Map<String, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();
    private final long freshFor;
    private final long staleFor;
    private final Executor background;
    private final LongSupplier clock;

    /**
     * @param background runs the recomputations; it must give them what the computation needs (a transaction for
     *        database work)
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    Revalidating(Duration freshFor, Duration staleFor, int maximumSize, Executor background, LongSupplier clock) {
        this.freshFor = freshFor.toNanos();
        this.staleFor = staleFor.toNanos();
        this.background = background;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(Math.max(1, Math.max(this.freshFor, this.staleFor)), TimeUnit.NANOSECONDS)
                .ticker(clock::getAsLong)
                .build();
    }

    Revalidating(Duration freshFor, Duration staleFor, int maximumSize, Executor background) {
        this(freshFor, staleFor, maximumSize, background, System::nanoTime);
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        Entry entry = entries.getIfPresent(key);
        long now = clock.getAsLong();
        if (entry != null && now - entry.freshUntil < 0) {
            return (T) entry.value;
        }
        if (entry == null || now - entry.computedAt >= staleFor) {
            return (T) compute(key, compute).value;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        if (computing.putIfAbsent(key, mine) == null) {
            try {
                background.execute(() -> {
                    try {
                        finish(key, mine, compute);
                    } catch (RuntimeException e) {
                        Log.warnf("Recomputing %s failed: %s", key, e.toString());
                    }
                });
            } catch (RuntimeException rejected) { // the executor is shutting down or saturated: answer the stale one
                computing.remove(key, mine);
                mine.cancel(false);
            }
        }
        return (T) entry.value;
    }

    /** Computes the answer on this thread, or waits for the computation another request started. */
    private Entry compute(String key, Supplier<?> compute) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = computing.putIfAbsent(key, mine);
        if (running == null) {
            return finish(key, mine, compute);
        }
        try {
            return running.join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            return compute(key, compute); // the other computation was abandoned: start one
        }
    }

    private Entry finish(String key, CompletableFuture<Entry> mine, Supplier<?> compute) {
        try {
            long start = clock.getAsLong();
            Object value = compute.get();
            long end = clock.getAsLong();
            long fresh = Math.max(freshFor, Math.min((end - start) * COST_FACTOR, staleFor / 2));
            Entry entry = new Entry(value, end, end + fresh);
            entries.put(key, entry);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }
}
