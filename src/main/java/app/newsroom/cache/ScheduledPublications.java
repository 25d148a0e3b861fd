package app.newsroom.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * A scheduled article (published, with a future {@code publishedAt}) becomes public at its time without any write, so
 * no notification says so. This keeps the time of the next one and, when it comes, reports the articles that came due
 * as changed — their own pages (and pages linking to them) and every collection — so that lists and feeds show them at
 * their time, not at the next write. The time is read again whenever the set of public articles may have changed.
 * Collections are never declared fresh past it ({@link CachePolicy}).
 */
@ApplicationScoped
public class ScheduledPublications {

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsroom-scheduled-publications");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant nextDue;
    private volatile Consumer<Set<String>> onDue = payloads -> {};
    private Instant checkedUntil = Instant.now();
    private ScheduledFuture<?> pending;

    ScheduledPublications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When the next scheduled article becomes public, or null when none is scheduled. */
    public Instant nextDue() {
        Instant due = nextDue;
        return due == null || due.isAfter(Instant.now()) ? due : null;
    }

    void onDue(Consumer<Set<String>> handler) {
        this.onDue = handler;
    }

    /** Reads the next publication time again and sets the timer for it. */
    synchronized void refresh() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT min(published_at) FROM article WHERE status = 'published' AND published_at > now()")) {
            try (ResultSet rs = s.executeQuery()) {
                Timestamp due = rs.next() ? rs.getTimestamp(1) : null;
                schedule(due == null ? null : due.toInstant());
            }
        } catch (SQLException e) {
            Log.warnf("Could not read the next scheduled publication: %s", e.getSQLState());
        }
    }

    private void schedule(Instant due) {
        nextDue = due;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (due != null) {
            long delay = Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 5;
            pending = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The articles whose time came since the last check are changed, and so is every collection. */
    private synchronized void fire() {
        Instant now = Instant.now();
        Set<String> payloads = new LinkedHashSet<>();
        payloads.add(SurrogateKeys.MEMBERSHIP);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                SELECT id FROM article WHERE status = 'published' AND published_at > ? AND published_at <= ?""")) {
            s.setTimestamp(1, Timestamp.from(checkedUntil));
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(SurrogateKeys.article(rs.getObject(1, UUID.class)));
                }
            }
            checkedUntil = now;
        } catch (SQLException e) {
            Log.warnf("Could not read the articles that came due: %s", e.getSQLState());
            payloads.add(SurrogateKeys.EVERYTHING);
        }
        onDue.accept(payloads);
        refresh();
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
