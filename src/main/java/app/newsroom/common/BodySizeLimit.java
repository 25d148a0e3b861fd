package app.newsroom.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * Request bodies over 1 MiB ({@code newsroom.limits.max-body-size}) answer 413 problem+json before anything reads
 * them; the NDJSON import takes up to 64 MiB ({@code newsroom.limits.max-import-size}), since its 10,000 lines of
 * ordinary articles weigh 40-50 MB. A body without a Content-Length (chunked) is a 411 except for the import, whose
 * streamed body the HTTP server's own limit ({@code quarkus.http.limits.max-body-size}) caps.
 */
@Singleton
class BodySizeLimit {

    private final ObjectMapper mapper;
    private final long defaultLimit;
    private final long importLimit;

    BodySizeLimit(ObjectMapper mapper, NewsroomConfig config) {
        this.mapper = mapper;
        this.defaultLimit = config.limits().maxBodySize().asLongValue();
        this.importLimit = config.limits().maxImportSize().asLongValue();
    }

    private void answer(io.vertx.ext.web.RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .putHeader("Connection", "close").end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
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
            io.vertx.core.http.HttpMethod method = ctx.request().method();
            boolean streamed = length == null && (method == io.vertx.core.http.HttpMethod.POST
                    || method == io.vertx.core.http.HttpMethod.PUT || method == io.vertx.core.http.HttpMethod.PATCH);
            if (streamed && limit == defaultLimit) {
                // a body of unknown length cannot be held to 1 MiB before it is read: ask for its length (RFC 9110 411)
                answer(ctx, new Problem("urn:newsroom:problem:length-required", "Length required", 411,
                        "Send the request body with a Content-Length header (at most " + limit + " bytes).",
                        ctx.request().path(), null));
                return;
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            answer(ctx, new Problem("urn:newsroom:problem:payload-too-large", "Payload too large", 413,
                    "The request body has " + declared + " bytes; this operation accepts at most " + limit + ".",
                    ctx.request().path(), null));
        });
    }
}
