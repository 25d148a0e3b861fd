package app.newsroom.common.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.RouteProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Request bodies over 1 MiB ({@code newsroom.limits.max-body-size}) answer 413 problem+json before anything reads
 * them; the NDJSON import takes up to 64 MiB ({@code newsroom.limits.max-import-size}), since its 10,000 lines of
 * ordinary articles weigh 40-50 MB. A body without a Content-Length (chunked) is a 411 except for the import, whose
 * streamed body the HTTP server's own limit ({@code quarkus.http.limits.max-body-size}) caps.
 */
@Singleton
class BodySizeLimit {

    private final RouteProblems problems;
    private final long defaultLimit;
    private final long importLimit;

    BodySizeLimit(RouteProblems problems, NewsroomConfig config) {
        this.problems = problems;
        this.defaultLimit = config.limits().maxBodySize().asLongValue();
        this.importLimit = config.limits().maxImportSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = ctx.request().path().endsWith("/articles/import") ? importLimit : defaultLimit;
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            HttpMethod method = ctx.request().method();
            boolean streamed = length == null
                    && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH);
            if (streamed && limit == defaultLimit) {
                // a body of unknown length cannot be held to 1 MiB before it is read: ask for its length (RFC 9110 411)
                ctx.response().putHeader("Connection", "close");
                problems.send(
                        ctx,
                        411,
                        "length-required",
                        "Length required",
                        "Send the request body with a Content-Length header (at most " + limit + " bytes).");
                return;
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            ctx.response().putHeader("Connection", "close");
            problems.send(
                    ctx,
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "The request body has " + declared + " bytes; this operation accepts at most " + limit + ".");
        });
    }
}
