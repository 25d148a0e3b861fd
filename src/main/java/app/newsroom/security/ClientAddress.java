package app.newsroom.security;

import io.vertx.core.http.HttpServerRequest;

/** The client's address: the peer, or the first X-Forwarded-For entry when a trusted proxy sets it. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].trim();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
