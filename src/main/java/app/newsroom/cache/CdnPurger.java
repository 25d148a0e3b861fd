package app.newsroom.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.common.NewsroomConfig;
import io.quarkus.logging.Log;

/**
 * Tells a CDN in front of the service which keys went stale ({@code newsroom.cdn.purge-url}; off when unset): one
 * request per batch of keys, the keys space-separated in one header — {@code PURGE} with {@code xkey-purge} for the
 * Varnish configuration in {@code deploy/varnish}, or {@code POST} with {@code Surrogate-Key} and a token header for
 * Fastly's purge API. Purges are sent in the background; a failed one is logged, and what it should have purged stays
 * at most its {@code max-age} (or {@code s-maxage}) in the CDN.
 */
@ApplicationScoped
public class CdnPurger {

    private final NewsroomConfig.Cdn config;
    private final HttpClient client;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    CdnPurger(NewsroomConfig config) {
        this.config = config.cdn();
        this.client = this.config.purgeUrl().isEmpty()
                ? null
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public boolean enabled() {
        return client != null;
    }

    /** Purges these keys (in batches); the answer completes when every batch has been answered. */
    CompletableFuture<Void> purge(Set<String> keys) {
        if (client == null || keys.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> batch = new ArrayList<>();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (String key : keys) {
            if (key.equals(SurrogateKeys.EVERYTHING)) {
                continue; // a local event (the listener reconnected): the CDN's copies are bounded by their max-age
            }
            batch.add(key);
            if (batch.size() == config.purgeBatch()) {
                requests.add(send(List.copyOf(batch)));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            requests.add(send(batch));
        }
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(List<String> keys) {
        URI target = config.purgeUrl().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(5))
                .method(config.purgeMethod(), HttpRequest.BodyPublishers.noBody())
                .header(config.purgeHeader(), String.join(" ", keys));
        Optional<String> tokenHeader = config.purgeTokenHeader();
        if (tokenHeader.isPresent() && config.purgeToken().isPresent()) {
            request.header(tokenHeader.get(), config.purgeToken().get());
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error != null || response.statusCode() >= 300) {
                        failed.incrementAndGet();
                        Log.warnf(
                                "CDN purge of %d keys failed: %s",
                                keys.size(),
                                error != null ? error.getClass().getSimpleName() : "status " + response.statusCode());
                    } else {
                        sent.incrementAndGet();
                    }
                    return null;
                });
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }
}
