package app.newsroom.cache;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import app.newsroom.common.error.RouteProblems;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.security.AnonymousLimit;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an anonymous GET whose answer is kept straight from the response cache, before the REST layer: no
 * authentication to resolve, no resource method, no database. It takes the caller's rate-limit token like every
 * request, honours {@code If-None-Match} / {@code If-Modified-Since} (304) and {@code Accept-Encoding} (the gzipped
 * copy, made once), and sends the same headers as {@link CacheableResponses}. Anything else — a key, another method,
 * nothing kept, an {@code Accept} the answer does not satisfy — goes on to the REST layer.
 */
@Singleton
class FastPath {

    private static final String SURROGATE_KEY = "Surrogate-Key";

    private final ResponseCache cache;
    private final CachePolicy policy;
    private final AnonymousLimit limit;
    private final RouteProblems problems;

    FastPath(ResponseCache cache, CachePolicy policy, AnonymousLimit limit, RouteProblems problems) {
        this.cache = cache;
        this.policy = policy;
        this.limit = limit;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // after the body-size check (-200), before the REST layer
        router.route().order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !cache.live()) {
            ctx.next();
            return;
        }
        String key = ResponseCache.key("public", request);
        CachedResponse kept = cache.get(key);
        if (kept == null || !Negotiation.acceptable(request.getHeader(HttpHeaders.ACCEPT), kept.contentType)) {
            ctx.next();
            return;
        }
        if (!limit.enabled()) {
            send(ctx, key, kept, null);
            return;
        }
        limit.take(request)
                .whenComplete((decision, error) -> ctx.vertx().runOnContext(ignored -> {
                    if (error != null) {
                        send(
                                ctx, key, kept,
                                null); // the limits' store failed: let the request through, as RateLimitFilter does
                    } else if (!decision.allowed()) {
                        rateLimitHeaders(ctx.response().headers(), decision);
                        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
                        problems.send(
                                ctx,
                                429,
                                "rate-limited",
                                "Too many requests",
                                "The rate limit of this key (or client " + "address) is used up; retry after "
                                        + decision.retryAfterSeconds() + " seconds.");
                    } else {
                        send(ctx, key, kept, decision);
                    }
                }));
    }

    private void send(RoutingContext ctx, String key, CachedResponse kept, AnonymousLimit.Decision decision) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        if (decision != null) {
            rateLimitHeaders(headers, decision);
        }
        headers.set(HttpHeaders.ETAG, kept.etag);
        if (kept.lastModified != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(kept.lastModified.atZone(ZoneOffset.UTC)));
        }
        if (kept.link != null) {
            headers.set("Link", kept.link);
        }
        headers.set(HttpHeaders.CACHE_CONTROL, policy.publicCacheControl(kept.kind));
        headers.set(SURROGATE_KEY, kept.surrogateKey);
        headers.set(HttpHeaders.VARY, CachePolicy.vary(kept.kind));
        if (HttpCaching.notModified(
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                kept.etag,
                kept.lastModified)) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, kept.contentType);
        byte[] body = kept.body;
        if (kept.compressible() && Negotiation.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            if (request.version() == HttpVersion.HTTP_2) {
                // HTTP/2's encoder compresses whatever is declared gzip: it gets the plain bytes
                headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            } else {
                CachedResponse gzipped = kept.gzipped != null ? kept : cache.gzipped(key, kept);
                body = gzipped.gzipped;
                headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        } else {
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        if (request.method() == HttpMethod.HEAD) {
            headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    private static void rateLimitHeaders(MultiMap headers, AnonymousLimit.Decision decision) {
        headers.set("RateLimit-Limit", String.valueOf(decision.limit()));
        headers.set("RateLimit-Remaining", String.valueOf(decision.remaining()));
        headers.set("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
    }

    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit days, English names, GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
}
