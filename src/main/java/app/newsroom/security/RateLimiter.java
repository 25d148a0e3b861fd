package app.newsroom.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.newsroom.common.NewsroomConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.quarkus.logging.Log;

/**
 * Token buckets per client (Bucket4j), each refilled greedily to its limit over the configured window. With
 * {@code newsroom.rate-limit.store=redis} the buckets live in Redis (compare-and-swap through Lettuce), so every
 * instance behind a load balancer draws from the same bucket; otherwise in this process's memory.
 */
@ApplicationScoped
public class RateLimiter {

    private final Duration window;
    private final Cache<String, Bucket> local;
    private final RedisClient redis;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> shared;
    /** One configuration per bucket size (a role's limit): a handful, built once. */
    private final Map<Long, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    @Inject
    RateLimiter(NewsroomConfig config) {
        this(
                config.rateLimit().store(),
                config.rateLimit().redisUrl(),
                config.rateLimit().window());
    }

    RateLimiter(String store, String redisUrl, Duration window) {
        this.window = window;
        if ("redis".equalsIgnoreCase(store)) {
            this.redis = RedisClient.create(redisUrl);
            this.connection = redis.connect(ByteArrayCodec.INSTANCE);
            this.shared = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                    .build();
            this.local = null;
            Log.infof("Rate limits shared through Redis at %s", redisUrl);
        } else {
            this.redis = null;
            this.connection = null;
            this.shared = null;
            this.local = Caffeine.newBuilder()
                    .expireAfterAccess(window.multipliedBy(2).toNanos(), TimeUnit.NANOSECONDS)
                    .maximumSize(200_000)
                    .build();
        }
    }

    /** Takes one token from the client's bucket of the given size, without blocking the calling thread. */
    public CompletableFuture<ConsumptionProbe> consume(String client, long limit) {
        BucketConfiguration configuration = configurations.computeIfAbsent(
                limit,
                l -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(l)
                                .refillGreedy(l, window)
                                .build())
                        .build());
        String key = "newsroom:rate:" + limit + ":" + client;
        if (shared != null) {
            return shared.asAsync()
                    .getProxy(
                            key.getBytes(StandardCharsets.UTF_8),
                            () -> CompletableFuture.completedFuture(configuration))
                    .tryConsumeAndReturnRemaining(1);
        }
        return CompletableFuture.completedFuture(local.get(
                        key,
                        k -> Bucket.builder()
                                .addLimit(configuration.getBandwidths()[0])
                                .build())
                .tryConsumeAndReturnRemaining(1));
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
            redis.shutdown();
        }
    }
}
