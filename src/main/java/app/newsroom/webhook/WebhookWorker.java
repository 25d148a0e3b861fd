package app.newsroom.webhook;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.newsroom.common.error.DatabaseUnavailable;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The delivery loop: every {@code poll-every} it turns new changes into events, then starts the due deliveries. Every
 * instance runs it; the row locks share the work out.
 */
@ApplicationScoped
class WebhookWorker {

    private final WebhookFanOut fanOut;
    private final WebhookSender sender;
    private final WebhookQueue queue;
    private final WebhookConfig config;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsroom-webhooks");
        t.setDaemon(true);
        return t;
    });
    private volatile long failures;

    WebhookWorker(WebhookFanOut fanOut, WebhookSender sender, WebhookQueue queue, WebhookConfig config) {
        this.fanOut = fanOut;
        this.sender = sender;
        this.queue = queue;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (config.enabled()) {
            // an endpoint receives one delivery at a time: when one ends, look for its next at once
            sender.onFinished(() -> {
                try {
                    loop.execute(this::tick);
                } catch (RejectedExecutionException stopping) {
                    // shutting down
                }
            });
            long every = config.pollEvery().toMillis();
            loop.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            while (fanOut.run() == WebhookFanOut.BATCH) {
                // a backlog: keep going until it is drained
            }
            sender.run();
            failures = 0;
        } catch (RuntimeException e) {
            // the database is down or restarting: the work stays in the tables and is picked up again
            if (failures++ == 0 && !DatabaseUnavailable.is(e)) {
                Log.warnf(e, "Webhook worker failed; trying again in %s", config.pollEvery());
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (config.enabled()) {
            int purged = QuarkusTransaction.requiringNew()
                    .call(() -> queue.purge(Instant.now().minus(config.keepDeliveries())));
            if (purged > 0) {
                Log.infof("Forgot %d finished webhook deliveries", purged);
            }
        }
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
    }
}
