package app.newsroom.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * Request bodies over 1 MiB (10 MiB for the NDJSON import) answer 413 problem+json before anything reads them. The
 * HTTP server's own limit ({@code quarkus.http.limits.max-body-size}, 10M) stays as the hard cap for bodies sent
 * without a Content-Length.
 */
@Singleton
class BodySizeLimit {

    static final long DEFAULT_LIMIT = 1024L * 1024;
    static final long IMPORT_LIMIT = 10L * 1024 * 1024;

    private final ObjectMapper mapper;

    BodySizeLimit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = ctx.request().path().endsWith("/articles/import") ? IMPORT_LIMIT : DEFAULT_LIMIT;
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            Problem problem = new Problem("urn:newsroom:problem:payload-too-large", "Payload too large", 413,
                    "The request body has " + declared + " bytes; this operation accepts at most " + limit + ".",
                    ctx.request().path(), null);
            try {
                ctx.response().setStatusCode(413).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                        .putHeader("Connection", "close").end(mapper.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.fail(e);
            }
        });
    }
}
