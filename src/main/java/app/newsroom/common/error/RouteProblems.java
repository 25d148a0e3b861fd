package app.newsroom.common.error;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/** Answers a problem+json from a Vert.x route, for the errors decided before the REST layer runs. */
@Singleton
public class RouteProblems {

    private final ObjectMapper mapper;

    RouteProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, int status, String type, String title, String detail) {
        Problem problem = new Problem(
                "urn:newsroom:problem:" + type,
                title,
                status,
                detail,
                ctx.request().path(),
                null);
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
