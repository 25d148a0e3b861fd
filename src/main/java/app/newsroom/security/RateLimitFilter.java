package app.newsroom.security;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Limits every API request per key (anonymous callers per client address) and tells the client where it stands:
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every response, 429 with
 * {@code Retry-After} when the bucket is empty. Authenticating here also makes an unknown key a 401 everywhere.
 */
class RateLimitFilter {

    private static final String PROBE = "newsroom.rate-limit.probe";
    private static final String LIMIT = "newsroom.rate-limit.limit";

    private final RateLimiter limiter;
    private final NewsroomConfig.RateLimit config;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimiter limiter, NewsroomConfig config, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.config = config.rateLimit();
        this.identities = identities;
    }

    @ServerRequestFilter
    Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String address = AnonymousLimit.clientKey(request, config.trustForwardedFor());
        return identities
                .getDeferredIdentity()
                // a bad key still costs its address a token, so guessing keys is limited like anything else
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(failure -> take(context, address, config.anonymous())
                        .onItem()
                        .transform(ignored -> {
                            throw (RuntimeException) failure;
                        }))
                .onItem()
                .transformToUni(identity -> {
                    if (identity.isAnonymous()) {
                        return take(context, address, config.anonymous());
                    }
                    long limit = identity.hasRole(Role.ADMIN_ROLE)
                            ? config.admin()
                            : identity.hasRole(Role.EDITOR_ROLE) ? config.editor() : config.partner();
                    return take(context, "key:" + identity.getAttribute(ApiKeyIdentityProvider.KEY_ID), limit);
                })
                .onItem()
                .transform(ignored -> (Response) null);
    }

    /** Takes a token; an empty bucket is a 429. A store that fails (Redis down) lets the request through. */
    private Uni<Boolean> take(ContainerRequestContext context, String client, long limit) {
        return Uni.createFrom()
                .completionStage(() -> limiter.consume(client, limit))
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf("Rate limit store unavailable, request let through: %s", e.toString());
                    return null;
                })
                .onItem()
                .transform(probe -> {
                    if (probe == null) {
                        return true;
                    }
                    context.setProperty(PROBE, probe);
                    context.setProperty(LIMIT, limit);
                    if (!probe.isConsumed()) {
                        throw new RateLimited(new AnonymousLimit.Decision(probe, limit).retryAfterSeconds());
                    }
                    return true;
                });
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe) {
            response.getHeaders().putSingle("RateLimit-Limit", request.getProperty(LIMIT));
            response.getHeaders().putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            response.getHeaders()
                    .putSingle("RateLimit-Reset", AnonymousLimit.Decision.seconds(probe.getNanosToWaitForReset()));
        }
    }

    /** A 429 problem with its Retry-After. */
    static final class RateLimited extends ProblemException {
        private static final long serialVersionUID = 1L;

        RateLimited(long retryAfterSeconds) {
            super(
                    429,
                    "rate-limited",
                    "Too many requests",
                    "The rate limit of this key (or client address) is used up; retry after " + retryAfterSeconds
                            + " seconds.",
                    null,
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
    }
}
