package app.newsroom.common.error;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.common.SecurityHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers a problem+json from a Vert.x route, for the errors decided before the REST layer runs. */
@Singleton
public class RouteProblems {

    private final ObjectMapper mapper;

    RouteProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, int status, String type, String title, String detail) {
        String path = ctx.request().path();
        Problem problem = new Problem("urn:newsroom:problem:" + type, title, status, detail, instance(path), null);
        SecurityHeaders.apply(path, ctx.response());
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** The path as the problem's instance: only when it is a valid URI path (a malformed one is what failed). */
    private static String instance(String path) {
        if (path == null || !path.startsWith("/") || path.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(path);
            return uri.getRawQuery() == null && uri.getRawFragment() == null ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
