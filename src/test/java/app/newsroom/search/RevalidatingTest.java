package app.newsroom.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevalidatingTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = 1_000 * SECOND;
    private final List<Runnable> queued = new ArrayList<>();
    private final AtomicInteger computed = new AtomicInteger();

    private Revalidating cache(int freshSeconds, int staleSeconds) {
        return new Revalidating(
                Duration.ofSeconds(freshSeconds), Duration.ofSeconds(staleSeconds), 100, queued::add, () -> now);
    }

    private int count() {
        return computed.incrementAndGet();
    }

    /** A computation that takes this long on the test's clock. */
    private Supplier<Integer> taking(long nanos) {
        return () -> {
            now += nanos;
            return count();
        };
    }

    @Test
    void answersTheFreshValueWithoutComputing() {
        Revalidating cache = cache(10, 60);
        assertEquals(1, (int) cache.get("q", this::count));
        now += 9 * SECOND;
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, computed.get());
        assertEquals(List.of(), queued);
    }

    @Test
    void answersTheStaleValueAndRecomputesOnceInTheBackground() {
        Revalidating cache = cache(10, 60);
        assertEquals(1, (int) cache.get("q", this::count));
        now += 11 * SECOND; // no longer fresh
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, computed.get(), "nothing computed on the request's thread");
        assertEquals(1, queued.size(), "one recomputation, however many requests find it stale");
        queued.remove(0).run();
        assertEquals(2, (int) cache.get("q", this::count));
        now += 11 * SECOND;
        assertEquals(2, (int) cache.get("q", this::count), "the recomputed value is the new stale one");
        assertEquals(1, queued.size(), "a new recomputation once the first one finished");
    }

    @Test
    void waitsForAValueNeverSeenOrTooOld() {
        Revalidating cache = cache(10, 60);
        assertEquals(1, (int) cache.get("a", this::count));
        assertEquals(2, (int) cache.get("b", this::count));
        now += 61 * SECOND;
        assertEquals(3, (int) cache.get("a", this::count), "older than stale-for: computed on the request's thread");
        assertEquals(List.of(), queued);
    }

    @Test
    void aCostlyValueStaysFreshLongerUpToHalfOfStaleFor() {
        Revalidating cache = cache(10, 60);
        cache.get("cheap", taking(SECOND / 100)); // 10 ms: fresh for the configured 10 s
        cache.get("costly", taking(SECOND / 5)); // 200 ms: fresh for 100 × 200 ms = 20 s
        cache.get("huge", taking(2 * SECOND)); // 2 s: 200 s, capped at 30 s
        now += 15 * SECOND;
        cache.get("cheap", this::count);
        cache.get("costly", this::count);
        cache.get("huge", this::count);
        assertEquals(1, queued.size(), "only the cheap one is stale after 15 s");
        now += 10 * SECOND;
        cache.get("costly", this::count);
        cache.get("huge", this::count);
        assertEquals(2, queued.size(), "the costly one is stale after 25 s; the huge one stays fresh for 30 s");
        now += 6 * SECOND;
        cache.get("huge", this::count);
        assertEquals(3, queued.size());
    }

    @Test
    void aFailedRecomputationIsTriedAgainByTheNextRequest() {
        Revalidating cache = cache(10, 60);
        cache.get("q", this::count);
        now += 11 * SECOND;
        cache.get("q", () -> {
            throw new IllegalStateException("database down");
        });
        // logged, not thrown; the warning is the point of this test, so it is kept out of the build's log
        Logger log = Logger.getLogger(Revalidating.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.SEVERE);
        try {
            queued.remove(0).run();
        } finally {
            log.setLevel(level);
        }
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, queued.size());
    }

    @Test
    void aFailedFirstComputationFailsItsRequestAndIsNotKept() {
        Revalidating cache = cache(10, 60);
        assertThrows(
                IllegalStateException.class,
                () -> cache.get("q", () -> {
                    throw new IllegalStateException("database down");
                }));
        assertEquals(1, (int) cache.get("q", this::count));
    }

    @Test
    void zeroDurationsComputeEveryTime() {
        Revalidating cache = cache(0, 0);
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(2, (int) cache.get("q", this::count));
        assertEquals(List.of(), queued);
    }

    @Test
    void zeroStaleForWaitsForTheRecomputation() {
        Revalidating cache = cache(10, 0);
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, (int) cache.get("q", this::count));
        now += 11 * SECOND;
        assertEquals(2, (int) cache.get("q", this::count));
        assertEquals(List.of(), queued);
    }

    @Test
    void concurrentRequestsForAValueNeverSeenShareOneComputation() throws Exception {
        Revalidating cache = cache(10, 60);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> cache.get("q", () -> {
            started.countDown();
            await(release);
            return count();
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> cache.get("q", this::count));
        Thread.sleep(100); // the second request is now waiting for the first one's computation
        assertFalse(second.isDone(), "the second request waits instead of computing again");
        release.countDown();
        assertEquals(1, (int) first.get(5, TimeUnit.SECONDS));
        assertEquals(1, (int) second.get(5, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
