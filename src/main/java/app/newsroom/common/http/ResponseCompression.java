package app.newsroom.common.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Which answers the HTTP server compresses (gzip, or deflate, as the client asks): those of a compressible media type
 * ({@code quarkus.http.compress-media-types}: JSON, problem+json, feeds, the OpenAPI document's YAML...) from 1 KiB
 * on. Below that, compression saves a few bytes for a round of CPU. The framework itself only compresses what the REST
 * layer answers, whatever its size; the OpenAPI document (300 KB of YAML) is served by another route.
 */
@Singleton
class ResponseCompression {

    static final int FROM = 1024;

    private final Set<String> compressible;

    ResponseCompression() {
        this.compressible =
                Set.copyOf(ConfigProvider.getConfig()
                        .getOptionalValues("quarkus.http.compress-media-types", String.class)
                        .orElse(List.of())
                        .stream()
                        .map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .toList());
    }

    void register(@Observes Router router) {
        router.route().order(-300).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> decide(ctx));
            ctx.next();
        });
    }

    private void decide(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        String encoding = response.headers().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.equalsIgnoreCase(HttpHeaders.IDENTITY.toString())) {
            return; // compressed already (the response cache's gzipped copy)
        }
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        String length = response.headers().get(HttpHeaders.CONTENT_LENGTH);
        boolean large = length == null || parse(length) >= FROM;
        if (type != null && large && compressible.contains(baseType(type))) {
            response.headers().remove(HttpHeaders.CONTENT_ENCODING); // the server compresses as the client accepts
        } else if (compressible.contains(type == null ? "" : baseType(type))) {
            response.headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
