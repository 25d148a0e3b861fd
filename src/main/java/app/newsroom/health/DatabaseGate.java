package app.newsroom.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import app.newsroom.common.error.DatabaseUnavailable;
import app.newsroom.common.error.RouteProblems;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A circuit breaker in front of the database. The first request that fails because the database is unavailable
 * ({@link DatabaseUnavailable}) opens it: from then on, API requests that need the database answer 503 with
 * Retry-After at once, instead of each waiting for the pool's acquisition timeout. While open, a probe connects on its
 * own (not through the pool) every {@value #PROBE_EVERY_MS} ms; when it gets an answer, the pool's connections, which
 * the outage broke, are replaced and the breaker closes. Answers the response cache holds are still served: the fast
 * path runs before this gate. Readiness ({@link DatabaseReadiness}) reports the same state.
 */
@Singleton
public class DatabaseGate {

    static final long PROBE_EVERY_MS = 250;
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong lastProbe = new AtomicLong();
    private final RouteProblems problems;
    private final AgroalDataSource dataSource;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsroom-database-probe");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseGate(RouteProblems problems, AgroalDataSource dataSource, Config config) {
        this.problems = problems;
        this.dataSource = dataSource;
        this.url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        this.username = config.getOptionalValue("quarkus.datasource.username", String.class);
        this.password = config.getOptionalValue("quarkus.datasource.password", String.class);
    }

    /** Whether the database answers, as far as the service knows. */
    public boolean available() {
        return !open.get();
    }

    void failed(@Observes DatabaseUnavailable failure) {
        if (failure.unreachable() && open.compareAndSet(false, true)) {
            Log.warnf("Database unavailable (%s): answering 503 until it answers again", rootCause(failure.cause()));
            scheduleProbe();
        }
    }

    /** Checks the database now (for readiness), unless a probe ran in the last second. */
    boolean check() {
        if (System.currentTimeMillis() - lastProbe.get() > 1000) {
            boolean up = probe();
            if (!up && open.compareAndSet(false, true)) {
                Log.warn("Database unavailable (readiness probe): answering 503 until it answers again");
                scheduleProbe();
            }
        }
        return available();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(-50).handler(this::gate);
    }

    private void gate(RoutingContext ctx) {
        if (!open.get()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", "2");
        problems.send(ctx, 503, "service-unavailable", "Service unavailable", "The database is unavailable.");
    }

    private void scheduleProbe() {
        if (probing.compareAndSet(false, true)) {
            prober.schedule(this::probeUntilUp, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void probeUntilUp() {
        if (probe()) {
            dataSource.flush(AgroalDataSource.FlushMode.ALL); // connections from before the outage are dead
            probing.set(false);
            open.set(false);
            Log.info("Database answers again: serving requests");
        } else {
            prober.schedule(this::probeUntilUp, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** One query on a connection of its own, with short timeouts; never through the (possibly exhausted) pool. */
    private boolean probe() {
        lastProbe.set(System.currentTimeMillis());
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "newsroom-probe");
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            Log.debugf("Database probe failed: %s", e.toString());
            return false;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }
}
