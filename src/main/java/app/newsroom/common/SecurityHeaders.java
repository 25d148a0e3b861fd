package app.newsroom.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/**
 * The headers every answer carries: no content sniffing and no referrer anywhere; API answers are data, never a page
 * to render, so under /api they also forbid every source and framing. Set first thing on every request (before the
 * response is written), and by {@code RouteProblems} on answers to requests the router failed before any route ran.
 */
@Singleton
public class SecurityHeaders {

    public static void apply(String path, HttpServerResponse response) {
        if (response.headWritten()) {
            return;
        }
        response.headers().set("X-Content-Type-Options", "nosniff").set("Referrer-Policy", "no-referrer");
        if (path != null && path.startsWith("/api/")) {
            response.headers().set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }

    void register(@Observes Router router) {
        router.route().order(-1100).handler(ctx -> {
            String path = ctx.request().path();
            ctx.addHeadersEndHandler(v -> apply(path, ctx.response()));
            ctx.next();
        });
    }
}
