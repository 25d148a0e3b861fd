package app.newsroom.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * Answers requests that no route serves (paths outside /api/v1 and /q) with a problem+json 404 instead of the
 * HTTP server's plain-text page.
 */
@Singleton
class UnknownPathHandler {

    private final ObjectMapper mapper;

    UnknownPathHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            if (ctx.response().ended() || ctx.response().headWritten()) {
                return;
            }
            Problem problem = new Problem("urn:newsroom:problem:not-found", "Not found", 404,
                    "No resource at this path. The API lives under /api/v1; see /q/openapi.",
                    ctx.request().path(), null);
            try {
                ctx.response().setStatusCode(404).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                        .end(mapper.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.fail(e);
            }
        });
    }
}
