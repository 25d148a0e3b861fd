package app.newsroom.common.error;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Answers requests that no route serves (paths outside /api/v1 and /q) with a problem+json 404 instead of the
 * HTTP server's plain-text page.
 */
@Singleton
class UnknownPathHandler {

    private final RouteProblems problems;

    UnknownPathHandler(RouteProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            if (ctx.response().ended() || ctx.response().headWritten()) {
                return;
            }
            problems.send(
                    ctx,
                    404,
                    "not-found",
                    "Not found",
                    "No resource at this path. The API lives under /api/v1; see /q/openapi.");
        });
    }
}
