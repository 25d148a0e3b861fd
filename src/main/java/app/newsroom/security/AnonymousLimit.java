package app.newsroom.security;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.common.NewsroomConfig;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

/**
 * The rate limit of a caller without a key, per client address, for answers given before the REST layer (the
 * response cache's fast path): the same bucket {@link RateLimitFilter} draws from.
 */
@ApplicationScoped
public class AnonymousLimit {

    private final RateLimiter limiter;
    private final NewsroomConfig.RateLimit config;

    AnonymousLimit(RateLimiter limiter, NewsroomConfig config) {
        this.limiter = limiter;
        this.config = config.rateLimit();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes a token from the bucket of the request's client address. */
    public CompletableFuture<Decision> take(HttpServerRequest request) {
        long limit = config.anonymous();
        return limiter.consume(clientKey(request, config.trustForwardedFor()), limit)
                .thenApply(probe -> new Decision(probe, limit));
    }

    static String clientKey(HttpServerRequest request, boolean trustForwardedFor) {
        return "ip:" + ClientAddress.of(request, trustForwardedFor);
    }

    /** What a token request answered, as the RateLimit headers say it. */
    public record Decision(ConsumptionProbe probe, long limit) {

        public boolean allowed() {
            return probe.isConsumed();
        }

        public long remaining() {
            return probe.getRemainingTokens();
        }

        public long resetSeconds() {
            return seconds(probe.getNanosToWaitForReset());
        }

        public long retryAfterSeconds() {
            return Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        }

        static long seconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}
