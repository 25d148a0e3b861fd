package app.newsroom.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code newsroom.webhooks.*}: delivery of signed webhooks. */
@ConfigMapping(prefix = "newsroom.webhooks")
public interface WebhookConfig {

    /** Whether this instance turns changes into events and delivers them (every instance may; they share the work). */
    @WithDefault("true")
    boolean enabled();

    /** Allow http targets and loopback, private and link-local addresses (tests, local development). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How often the worker looks for new changes and due deliveries. */
    @WithDefault("500ms")
    Duration pollEvery();

    /** The wait before the first retry; each further retry waits twice as long (with jitter), up to max-backoff. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How long a delivery is retried before it is given up. */
    @WithDefault("3d")
    Duration retryFor();

    /** An endpoint whose deliveries have failed for this long is disabled. */
    @WithDefault("24h")
    Duration disableAfter();

    /** Connect and answer timeout of one attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** Deliveries sent at once by one instance. */
    @WithDefault("16")
    int concurrency();

    /** Endpoints one partner key may register (admins register as many as they manage). */
    @WithDefault("20")
    int maxPerKey();

    /** Finished deliveries and their attempts are kept this long. */
    @WithDefault("7d")
    Duration keepDeliveries();
}
