package app.newsroom.security;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.bucket4j.ConsumptionProbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two rate limiters, as two service instances would have, against a real Redis server (see {@link TestRedis}): they
 * draw from one bucket.
 */
class RedisStoreTest {

    @Test
    @ExtendWith(TestRedis.Available.class)
    void shouldShareOneBucketBetweenInstances() throws Exception {
        RateLimiter first = new RateLimiter("redis", TestRedis.requireUrl(), Duration.ofMinutes(1));
        RateLimiter second = new RateLimiter("redis", TestRedis.requireUrl(), Duration.ofMinutes(1));
        try {
            String client = "test:" + UUID.randomUUID();
            assertEquals(3, first.consume(client, 4).get().getRemainingTokens());
            assertEquals(2, second.consume(client, 4).get().getRemainingTokens());
            assertEquals(1, first.consume(client, 4).get().getRemainingTokens());
            assertEquals(0, second.consume(client, 4).get().getRemainingTokens());
            ConsumptionProbe refused = first.consume(client, 4).get();
            assertFalse(refused.isConsumed());
            assertTrue(refused.getNanosToWaitForRefill() > 0);
            assertTrue(second.consume("test:" + UUID.randomUUID(), 4).get().isConsumed());
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void shouldKeepBucketsInMemoryByDefault() throws Exception {
        RateLimiter memory = new RateLimiter("memory", null, Duration.ofMinutes(1));
        String client = "test:" + UUID.randomUUID();
        assertEquals(1, memory.consume(client, 2).get().getRemainingTokens());
        assertEquals(0, memory.consume(client, 2).get().getRemainingTokens());
        assertFalse(memory.consume(client, 2).get().isConsumed());
    }
}
