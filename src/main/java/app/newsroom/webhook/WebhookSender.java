package app.newsroom.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.webhook.WebhookQueue.Claimed;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends due deliveries. An attempt is signed afresh (new {@code webhook-timestamp}, same {@code webhook-id}); a 2xx
 * delivers; a 5xx, 408, 429, timeout or connection failure is retried with exponential backoff and jitter (a
 * {@code Retry-After} is honoured when longer) until {@code retry-for} has passed; any other answer (4xx, and 3xx:
 * redirects are not followed) fails the delivery for good. An endpoint failing for {@code disable-after} is disabled.
 */
@ApplicationScoped
class WebhookSender {

    private static final int MAX_ERROR = 500;

    private final WebhookQueue queue;
    private final WebhookConfig config;
    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Runnable finished = () -> {};

    WebhookSender(WebhookQueue queue, WebhookConfig config) {
        this.queue = queue;
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Claims what this instance has room for and starts sending it; answers how many were started. */
    int run() {
        int room = config.concurrency() - inFlight.get();
        if (room <= 0) {
            return 0;
        }
        Duration lease = config.timeout().multipliedBy(2).plusSeconds(30);
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> queue.claim(room, lease));
        for (Claimed delivery : claimed) {
            inFlight.incrementAndGet();
            send(delivery).whenComplete((ignored, error) -> {
                inFlight.decrementAndGet();
                finished.run();
            });
        }
        return claimed.size();
    }

    /** Called after each attempt: the endpoint's next delivery may go at once, not at the next poll. */
    void onFinished(Runnable next) {
        this.finished = next;
    }

    private CompletableFuture<Void> send(Claimed d) {
        Instant start = Instant.now();
        String refusal = TargetGuard.refusal(URI.create(d.url()), config.allowPrivateTargets());
        if (refusal != null) {
            record(d, start, null, "the target " + refusal, true, null);
            return CompletableFuture.completedFuture(null);
        }
        long timestamp = start.getEpochSecond();
        String id = d.event().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsroom-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(d.secret(), id, timestamp, d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                String why = cause instanceof HttpTimeoutException
                        ? "timed out after " + config.timeout().toMillis() + " ms"
                        : cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                record(d, start, null, why, true, null);
            } else {
                int status = response.statusCode();
                boolean ok = status >= 200 && status < 300;
                boolean retry = status >= 500 || status == 408 || status == 429;
                String why = ok
                        ? null
                        : status >= 300 && status < 400
                                ? "answered " + status + "; redirects are not followed"
                                : "answered " + status;
                Duration retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .flatMap(WebhookSender::seconds)
                        .orElse(null);
                record(d, start, status, why, retry, retryAfter);
            }
            return null;
        });
    }

    /** Writes the attempt and the delivery's new state; never throws (the lease brings the delivery back). */
    private void record(Claimed d, Instant start, Integer status, String error, boolean retry, Duration retryAfter) {
        long latency = Duration.between(start, Instant.now()).toMillis();
        int attempt = d.attempts() + 1;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                queue.recordAttempt(d.id(), attempt, start, status, latency, truncate(error));
                if (error == null) {
                    queue.finish(d.id(), attempt, true);
                    queue.endpointSucceeded(d.webhook());
                    return;
                }
                Instant next = Instant.now().plus(backoff(attempt, retryAfter));
                if (retry && next.isBefore(d.createdAt().plus(config.retryFor()))) {
                    queue.retry(d.id(), attempt, next);
                } else {
                    queue.finish(d.id(), attempt, false);
                }
                queue.endpointFailed(d.webhook(), config.disableAfter());
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not record webhook delivery %d (it is retried when its lease ends): %s", d.id(), e);
        }
    }

    /** initial × 2^(attempt−1), capped, ± 20 % jitter; at least the endpoint's Retry-After. */
    Duration backoff(int attempt, Duration retryAfter) {
        long initial = config.initialBackoff().toMillis();
        long capped = Math.min(config.maxBackoff().toMillis(), initial << Math.min(attempt - 1, 30));
        long jittered =
                (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration wait = Duration.ofMillis(Math.max(1, jittered));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? Optional.of(Duration.ofSeconds(Math.min(s, 86_400))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the backoff applies
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
