package app.newsroom.security;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address: the peer, or, behind a trusted proxy, the last X-Forwarded-For entry: the one the proxy
 * appended. Earlier entries come from the client and prove nothing.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
