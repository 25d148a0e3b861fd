package app.newsroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class RevalidatingTest {

    /** A fresh cache whose entries the test expires by hand. */
    static final class FakeFresh implements Revalidating.Fresh {
        final Map<String, Object> entries = new HashMap<>();

        @Override
        public Object ifPresent(String key) {
            return entries.get(key);
        }

        @Override
        public Object get(String key, Function<String, Object> compute) {
            return entries.computeIfAbsent(key, compute);
        }
    }

    private final FakeFresh fresh = new FakeFresh();
    private final List<Runnable> queued = new ArrayList<>();
    private final AtomicInteger computed = new AtomicInteger();

    private int count() {
        return computed.incrementAndGet();
    }

    @Test
    void answersTheFreshValueWithoutComputing() {
        Revalidating cache = new Revalidating(fresh, Duration.ofSeconds(60), 100, queued::add);
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, computed.get());
        assertEquals(List.of(), queued);
    }

    @Test
    void answersTheStaleValueAndRecomputesOnceInTheBackground() {
        Revalidating cache = new Revalidating(fresh, Duration.ofSeconds(60), 100, queued::add);
        assertEquals(1, (int) cache.get("q", this::count));
        fresh.entries.clear(); // the fresh entry expired
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, computed.get(), "nothing computed on the request's thread");
        assertEquals(1, queued.size(), "one recomputation, however many requests find it expired");
        queued.remove(0).run();
        assertEquals(2, (int) cache.get("q", this::count));
        fresh.entries.clear();
        assertEquals(2, (int) cache.get("q", this::count), "the recomputed value is the new stale one");
        assertEquals(1, queued.size(), "a new recomputation once the first one finished");
    }

    @Test
    void waitsForAValueNeverSeen() {
        Revalidating cache = new Revalidating(fresh, Duration.ofSeconds(60), 100, queued::add);
        assertEquals(1, (int) cache.get("a", this::count));
        assertEquals(2, (int) cache.get("b", this::count));
        assertEquals(List.of(), queued);
    }

    @Test
    void aFailedRecomputationIsTriedAgainByTheNextRequest() {
        Revalidating cache = new Revalidating(fresh, Duration.ofSeconds(60), 100, queued::add);
        cache.get("q", this::count);
        fresh.entries.clear();
        cache.get("q", () -> {
            throw new IllegalStateException("database down");
        });
        queued.remove(0).run(); // logged, not thrown
        assertEquals(1, (int) cache.get("q", this::count));
        assertEquals(1, queued.size());
    }

    @Test
    void zeroStaleForAlwaysAsksTheFreshCache() {
        Revalidating cache = new Revalidating(fresh, Duration.ZERO, 100, queued::add);
        assertEquals(1, (int) cache.get("q", this::count));
        fresh.entries.clear();
        assertEquals(2, (int) cache.get("q", this::count));
        assertEquals(List.of(), queued);
    }
}
