package app.newsroom.common.error;

import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Answers failures of the HTTP router with problem+json, where its default would be an empty body or Quarkus' own
 * JSON: a URL whose percent-encoding does not decode, a missing or malformed Host, a path not starting with '/', and
 * any failure of a route outside the REST layer (whose exceptions {@code ProblemMappers} answers). Requests the HTTP
 * decoder cannot parse at all (a request line or header line that is not HTTP) never reach the router: the server
 * answers those with a bare 400 and closes the connection.
 */
@Singleton
class RouteFailures {

    private final RouteProblems problems;
    private final Event<DatabaseUnavailable> unavailable;

    RouteFailures(RouteProblems problems, Event<DatabaseUnavailable> unavailable) {
        this.problems = problems;
        this.unavailable = unavailable;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // failures while the router matches a request (a query string that does not decode) skip the failure
        // handlers and go to the router's error handler of that status
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 503}) {
            router.errorHandler(status, this::handle);
        }
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            if (!ctx.response().ended()) {
                ctx.response().reset(); // half an answer is worse than none: the client sees a broken response
            }
            return;
        }
        Throwable failure = ctx.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if ((status < 400 || status >= 500) && failure != null && DatabaseUnavailable.is(failure)) {
            unavailable.fire(new DatabaseUnavailable(failure));
            status = 503;
        } else if (status < 400) {
            status = 500;
        }
        if (status == 503) {
            ctx.response().putHeader("Retry-After", ProblemMappers.RETRY_AFTER);
            problems.send(ctx, 503, "service-unavailable", "Service unavailable", "The database is unavailable.");
        } else if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            Log.errorf(
                    failure,
                    "Unexpected error %s while serving %s",
                    incident,
                    ctx.request().path()); // never the query: it may carry a preview token
            problems.send(
                    ctx,
                    status,
                    "internal",
                    "Internal server error",
                    "An unexpected error occurred; it has been logged as incident " + incident + ".");
        } else if (status == 400) {
            problems.send(ctx, 400, "bad-request", "Bad request", detail400(ctx));
        } else {
            problems.send(
                    ctx,
                    status,
                    ProblemMappers.typeFor(status),
                    ProblemMappers.titleFor(status),
                    ProblemMappers.titleFor(status) + ".");
        }
    }

    private static String detail400(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host == null || host.isBlank()) {
            return "The request has no Host header.";
        }
        if (!host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
            return "The Host header is not a valid host name.";
        }
        return "The request URL is not valid: a '%' must be followed by two hexadecimal digits, and the bytes "
                + "it encodes must be UTF-8.";
    }
}
