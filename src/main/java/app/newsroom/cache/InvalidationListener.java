package app.newsroom.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import app.newsroom.common.NewsroomConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on channel {@code newsroom_cache} with a connection of its own and drops, on this instance, what each
 * notified change makes stale (see {@code V10__cache_notifications.sql} and {@link SurrogateKeys}).
 *
 * <ul>
 * <li>The cache serves only while this listens. When the connection fails — the server restarts, an operator
 * terminates it, the network drops it silently (a query every {@code newsroom.cache.heartbeat} notices) — the cache is
 * emptied and bypassed until it listens again, so nothing is ever served that a missed notification should have
 * dropped.</li>
 * <li>Read-your-writes on this instance: after a write, {@link #awaitOwnWrites} sends a marker notification and waits
 * until this connection has received it. Notifications reach a listener in commit order, so by then every notification
 * of the write has been handled.</li>
 * <li>One instance at a time, the one whose listening connection holds an advisory lock, purges the CDN
 * ({@link CdnPurger}); when it goes away, its lock goes with its connection and another instance takes over.</li>
 * </ul>
 */
@ApplicationScoped
public class InvalidationListener {

    static final String CHANNEL = "newsroom_cache";
    static final String APPLICATION_NAME = "newsroom-cache-listener";
    /** The advisory lock of the instance that purges the CDN (any constant no other code uses). */
    private static final long PURGER_LOCK = 0x6e657773726f6f6dL; // "newsroom"

    private static final String MARKER = "x:";

    private final ResponseCache cache;
    private final ScheduledPublications schedule;
    private final CdnPurger purger;
    private final DataSource dataSource;
    private final NewsroomConfig.Cache config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, CompletableFuture<Void>> markers = new ConcurrentHashMap<>();

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Thread thread;

    InvalidationListener(
            ResponseCache cache,
            ScheduledPublications schedule,
            CdnPurger purger,
            DataSource dataSource,
            NewsroomConfig config,
            Config datasource) {
        this.cache = cache;
        this.schedule = schedule;
        this.purger = purger;
        this.dataSource = dataSource;
        this.config = config.cache();
        // the pool's own database, with a connection outside the pool: a LISTEN belongs to one session for good
        this.url = datasource.getValue("quarkus.datasource.jdbc.url", String.class);
        this.username = datasource.getOptionalValue("quarkus.datasource.username", String.class);
        this.password = datasource.getOptionalValue("quarkus.datasource.password", String.class);
    }

    void start(@Observes StartupEvent event) {
        schedule.onDue(this::changedLocally);
        if (!config.enabled()) {
            return; // nothing is cached, and nobody purges the CDN
        }
        running = true;
        Thread t = new Thread(this::run, APPLICATION_NAME);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        cache.live(false);
    }

    /** Whether this instance purges the CDN. */
    public boolean leader() {
        return leader;
    }

    private void run() {
        long backoff = 100;
        boolean down = false;
        while (running) {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                leader = tryLead(statement);
                cache.live(true); // what was cached before may have missed notifications: it was dropped
                schedule.refresh();
                if (down) {
                    Log.infof("Response cache listening again on %s", CHANNEL);
                }
                down = false;
                backoff = 100;
                listen(connection, statement);
            } catch (SQLException | RuntimeException e) {
                cache.live(false);
                leader = false;
                if (!running) {
                    break;
                }
                if (!down) {
                    Log.warnf(
                            "Response cache not listening (%s); answers are computed afresh until it listens again",
                            e.getClass().getSimpleName()
                                    + (e instanceof SQLException sql ? " " + sql.getSQLState() : ""));
                }
                down = true;
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
        leader = false;
    }

    private void listen(Connection connection, Statement statement) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long beatEvery = config.heartbeat().toNanos();
        long lastBeat = System.nanoTime();
        int wait = (int) Math.max(50, Math.min(500, config.heartbeat().toMillis() / 2));
        while (running) {
            PGNotification[] notifications = pg.getNotifications(wait);
            if (notifications != null && notifications.length > 0) {
                handle(notifications);
            }
            if (System.nanoTime() - lastBeat >= beatEvery) {
                // a connection that died without a word (a dropped network) is only noticed by using it
                statement.execute("SELECT 1");
                if (!leader) {
                    leader = tryLead(statement);
                }
                lastBeat = System.nanoTime();
            }
        }
    }

    private void handle(PGNotification[] notifications) {
        List<String> payloads = new ArrayList<>(notifications.length);
        List<String> seenMarkers = new ArrayList<>();
        for (PGNotification n : notifications) {
            String payload = n.getParameter();
            if (payload.startsWith(MARKER)) {
                seenMarkers.add(payload);
            } else {
                payloads.add(payload);
            }
        }
        if (!payloads.isEmpty()) {
            Set<String> stale = SurrogateKeys.staleFor(payloads);
            cache.invalidate(stale);
            if (payloads.contains(SurrogateKeys.MEMBERSHIP)) {
                schedule.refresh(); // a newly scheduled article, or one published early
            }
            if (leader) {
                purger.purge(stale);
            }
        }
        // after the invalidations: a write waiting for its marker then finds its changes handled
        seenMarkers.forEach(marker -> {
            CompletableFuture<Void> waiting = markers.remove(marker);
            if (waiting != null) {
                waiting.complete(null);
            }
        });
    }

    /** A change this instance noticed by itself (a scheduled article came due): handled like a notification. */
    void changedLocally(Set<String> payloads) {
        Set<String> stale = SurrogateKeys.staleFor(payloads);
        cache.invalidate(stale);
        if (leader) {
            purger.purge(stale);
        }
    }

    /**
     * Waits until this instance has handled every notification of the writes committed so far, so that the next read
     * here cannot be answered from before them. Returns at once when the cache is not serving.
     */
    public void awaitOwnWrites() {
        if (!cache.live()) {
            return;
        }
        String marker = MARKER + UUID.randomUUID();
        CompletableFuture<Void> seen = new CompletableFuture<>();
        markers.put(marker, seen);
        try {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_notify('" + CHANNEL + "', '" + marker + "')");
            }
            seen.get(config.writeWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | SQLException | ExecutionException e) {
            // the listener is down or slow: nothing it could have dropped may be served, so drop it all here
            Log.warnf(
                    "Response cache: this instance's own writes were not confirmed in %s (%s); cache emptied",
                    config.writeWait(), e.getClass().getSimpleName());
            cache.invalidate(Set.of(SurrogateKeys.EVERYTHING));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cache.invalidate(Set.of(SurrogateKeys.EVERYTHING));
        } finally {
            markers.remove(marker);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        // named with the process, so that an operator (or a test) can tell the instances' listeners apart
        properties.setProperty(
                "ApplicationName",
                APPLICATION_NAME + " " + ProcessHandle.current().pid());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private static boolean tryLead(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + PURGER_LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
