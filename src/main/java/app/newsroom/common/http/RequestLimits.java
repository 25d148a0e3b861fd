package app.newsroom.common.http;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.RouteProblems;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The limits of a request, checked before anything else runs, each answered with problem+json: a URL that is not
 * valid (see {@link Urls}) is a 400, a request target
 * over {@code newsroom.limits.max-url-length} is a 414, headers over {@code max-header-size} a 431, and a declared
 * Content-Length over the operation's body limit a 413 before the body is read. Bodies over 1 MiB
 * ({@code max-body-size}) are refused except for the NDJSON import, which takes up to 64 MiB ({@code max-import-size})
 * since its 10,000 lines of ordinary articles weigh 40-50 MB. A body without a Content-Length (chunked) is counted as
 * it is read ({@link BodyLimitInterceptor}) and refused the moment it passes the same limit. The HTTP server's own
 * limits sit above these, so that these answer.
 */
@Singleton
class RequestLimits {

    private final RouteProblems problems;
    private final long bodyLimit;
    private final long importLimit;
    private final long urlLimit;
    private final long headerLimit;

    RequestLimits(RouteProblems problems, NewsroomConfig config) {
        this.problems = problems;
        this.bodyLimit = config.limits().maxBodySize().asLongValue();
        this.importLimit = config.limits().maxImportSize().asLongValue();
        this.urlLimit = config.limits().maxUrlLength().asLongValue();
        this.headerLimit = config.limits().maxHeaderSize().asLongValue();
    }

    /** The body limit of the operation at this path. */
    long bodyLimit(String path) {
        return path != null && path.endsWith("/articles/import") ? importLimit : bodyLimit;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() <= urlLimit && !Urls.valid(request.uri())) {
            problems.send(ctx, 400, "bad-request", "Bad request", Urls.INVALID);
            return;
        }
        if (request.uri().length() > urlLimit) {
            refuse(
                    ctx,
                    414,
                    "uri-too-long",
                    "URI too long",
                    "The request URL has " + request.uri().length() + " characters; at most " + urlLimit
                            + " are accepted.");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > headerLimit) {
            refuse(
                    ctx,
                    431,
                    "header-fields-too-large",
                    "Request header fields too large",
                    "The request headers take " + headers + " bytes; at most " + headerLimit + " are accepted.");
            return;
        }
        // an answer given before the body was read to its end (a 413 while reading it, or any error before it):
        // close the connection instead of reading the rest of the body to reach the next request
        // (requests with a body, over HTTP/1.x only: an HTTP/2 connection carries other requests, and a finished
        // stream's data is discarded)
        boolean body = request.getHeader("Content-Length") != null && !"0".equals(request.getHeader("Content-Length"))
                || request.getHeader("Transfer-Encoding") != null;
        if (body && request.version() != HttpVersion.HTTP_2) {
            ctx.addHeadersEndHandler(written -> {
                if (!request.isEnded()) {
                    ctx.response().putHeader("Connection", "close"); // so the client does not send on it again
                }
            });
            ctx.addEndHandler(done -> {
                if (!request.isEnded()) {
                    request.connection().close();
                }
            });
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long limit = bodyLimit(request.path());
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "bad-request", "Bad request", "The Content-Length header is not a number.");
                return;
            }
            if (declared > limit) {
                refuse(
                        ctx,
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "The request body has " + declared + " bytes; this operation accepts at most " + limit + ".");
                return;
            }
        }
        ctx.next();
    }

    /** Answers and closes the connection: what the client sends next (the body, the rest of it) is not read. */
    private void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        ctx.response().putHeader("Connection", "close");
        problems.send(ctx, status, type, title, detail);
    }
}
