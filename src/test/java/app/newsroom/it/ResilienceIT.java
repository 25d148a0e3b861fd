package app.newsroom.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service under writes and reads while its database stops and starts again, and while it is stopped
 * itself (SIGTERM): answers are 2xx or 503 problem+json with Retry-After, never a 500; 503s come fast once the
 * outage is known; it serves again soon after the database returns; every write it acknowledged is in the database.
 */
class ResilienceIT {

    /** One outcome: when the request started (ms since the test's zero), how long it took, status or failure. */
    record Outcome(
            long startedMs, long tookMs, String method, int status, String body, String retryAfter, String failure) {}

    private static final class Load {
        final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        /** Whether a load balancer would send requests: the service's readiness, polled every 100 ms. */
        final AtomicBoolean routable = new AtomicBoolean(true);

        final long zero = System.nanoTime();
        final ExecutorService threads = Executors.newFixedThreadPool(6);

        long now() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - zero);
        }

        /**
         * Writers and a reader, each on a new connection per request (no keep-alive race to blame). With
         * {@code balanced}, they send only while the service is ready, as behind a load balancer that polls readiness.
         */
        void start(String base, int writers, boolean balanced) {
            if (balanced) {
                threads.submit(() -> {
                    while (running.get()) {
                        routable.set(ready(base));
                        Thread.sleep(100);
                    }
                    return null;
                });
            }
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        if (!routable.get()) {
                            Thread.sleep(20);
                            continue;
                        }
                        String headline = "Resilience " + writer + "-" + i + " " + UUID.randomUUID();
                        Outcome outcome =
                                send(base + "/api/v1/articles", "POST", "{\"headline\":\"" + headline + "\"}");
                        if (outcome.status() == 201) {
                            acknowledged.put(
                                    UUID.fromString(Http.JSON
                                            .readTree(outcome.body())
                                            .path("id")
                                            .asText()),
                                    headline);
                        }
                        pause(outcome);
                    }
                    return null;
                });
            }
            threads.submit(() -> {
                while (running.get()) {
                    if (!routable.get()) {
                        Thread.sleep(20);
                        continue;
                    }
                    pause(send(base + "/api/v1/articles?status=any&pageSize=5", "GET", null));
                }
                return null;
            });
        }

        private static boolean ready(String base) {
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(base + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                try {
                    return connection.getResponseCode() == 200;
                } finally {
                    connection.disconnect();
                }
            } catch (IOException e) {
                return false;
            }
        }

        private void pause(Outcome outcome) throws InterruptedException {
            if (outcome.failure() != null) {
                Thread.sleep(20); // refused: the service is not listening (yet, or any more)
            }
        }

        Outcome send(String url, String method, String body) {
            long started = now();
            Outcome outcome;
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setRequestMethod(method);
                connection.setConnectTimeout(5000);
                connection.setReadTimeout(30_000);
                connection.setRequestProperty("Connection", "close");
                connection.setRequestProperty("Authorization", "Bearer " + PackagedService.ADMIN_KEY);
                if (body != null) {
                    connection.setDoOutput(true);
                    connection.setRequestProperty("Content-Type", "application/json");
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body.getBytes(StandardCharsets.UTF_8));
                    }
                }
                int status = connection.getResponseCode();
                InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                outcome = new Outcome(
                        started, now() - started, method, status, text, connection.getHeaderField("Retry-After"), null);
            } catch (IOException e) {
                outcome = new Outcome(started, now() - started, method, -1, null, null, describe(e));
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
            outcomes.add(outcome);
            return outcome;
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "load threads did not stop");
        }

        List<Outcome> between(long fromMs, long toMs) {
            synchronized (outcomes) {
                return outcomes.stream()
                        .filter(o -> o.startedMs() >= fromMs && o.startedMs() < toMs)
                        .toList();
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof ConnectException ? "refused" : root.toString();
    }

    @Test
    void shouldAnswer503FastDuringADatabaseOutageAndLoseNoAcknowledgedWrite() throws Exception {
        try (ItDatabase database = new ItDatabase();
                PackagedService service = PackagedService.start(database, Map.of())) {
            Load load = new Load();
            load.start(service.base, 2, false);
            Thread.sleep(2000);
            long stopped = load.now();
            database.stop();
            long down = load.now();
            Thread.sleep(4000);
            Http.Answer ready = Http.get(service.base + "/q/health/ready");
            assertEquals(503, ready.status(), ready.response().body());
            String readiness = ready.response().body();
            assertFalse(
                    readiness.contains("127.0.0.1")
                            || readiness.contains("localhost")
                            || readiness.contains("jdbc")
                            || readiness.contains("Exception"),
                    "readiness names internals: " + readiness);
            long restarting = load.now();
            database.start();
            long up = load.now();
            long firstSuccess = -1;
            while (load.now() < up + 10_000 && firstSuccess < 0) {
                Thread.sleep(50);
                firstSuccess = load.between(up, load.now()).stream()
                        .filter(o -> o.status() == 201)
                        .mapToLong(Outcome::startedMs)
                        .min()
                        .orElse(-1);
            }
            Thread.sleep(1000);
            load.stop();

            List<Outcome> all = load.between(0, Long.MAX_VALUE);
            for (Outcome o : all) {
                assertTrue(
                        o.status() == 200 || o.status() == 201 || o.status() == 503,
                        "an answer other than 200, 201 or 503: " + o);
                if (o.status() == 503) {
                    assertEquals("2", o.retryAfter(), "503 without Retry-After: " + o);
                    assertTrue(o.body().contains("\"status\":503"), "503 that is not problem+json: " + o);
                }
            }
            // once the outage is known (a second after the stop), 503s come at once, not after the pool's timeout
            List<Long> during = load.between(down + 1000, restarting).stream()
                    .filter(o -> o.status() == 503)
                    .map(Outcome::tookMs)
                    .sorted()
                    .toList();
            assertTrue(during.size() > 20, "too few requests during the outage: " + during.size());
            long median = during.get(during.size() / 2);
            assertTrue(median < 100, "median 503 during the outage took " + median + " ms: " + during);
            assertTrue(firstSuccess >= 0, "no write succeeded within 10 s of the database's return");
            System.out.printf(
                    "outage: stop took %d ms; %d answers during it, 503 median %d ms, max %d ms; first write %d ms"
                            + " after the database was back%n",
                    down - stopped, during.size(), median, during.get(during.size() - 1), firstSuccess - up);
            assertAcknowledgedWritesAreStored(database, load);
        }
    }

    @Test
    void shouldFinishRequestsInFlightOnSigtermAndLoseNoAcknowledgedWrite() throws Exception {
        // SIGTERM: readiness goes DOWN for the delay while requests are still served; clients that follow readiness
        // (a load balancer) stop sending; requests in flight finish; then the process exits
        try (ItDatabase database = new ItDatabase();
                PackagedService service = PackagedService.start(
                        database, Map.of("QUARKUS_SHUTDOWN_DELAY", "1s", "QUARKUS_SHUTDOWN_TIMEOUT", "20s"))) {
            Load load = new Load();
            load.start(service.base, 3, true);
            Thread.sleep(2000);
            long terminated = load.now();
            service.terminate();
            int exit = service.awaitExit();
            long exited = load.now();
            Thread.sleep(300);
            load.stop();

            assertTrue(exit == 0 || exit == 143, "exit code " + exit + " after SIGTERM:\n" + service.log());
            List<Outcome> all = load.between(0, Long.MAX_VALUE);
            long answeredAfterSigterm = all.stream()
                    .filter(o -> o.startedMs() >= terminated && o.status() > 0)
                    .count();
            for (Outcome o : all) {
                // sent while readiness was UP (as a load balancer would): every one answered, none failed
                assertTrue(o.status() == 200 || o.status() == 201, "not answered 200 or 201: " + o);
            }
            assertTrue(answeredAfterSigterm > 0, "nothing was answered during the shutdown delay");
            System.out.printf(
                    "shutdown: exit %d ms after SIGTERM; %d answers after it; %d writes acknowledged%n",
                    exited - terminated, answeredAfterSigterm, load.acknowledged.size());
            assertAcknowledgedWritesAreStored(database, load);
        }
    }

    private static void assertAcknowledgedWritesAreStored(ItDatabase database, Load load) throws Exception {
        assertFalse(load.acknowledged.isEmpty(), "no write was acknowledged");
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("SELECT headline FROM article WHERE id = ?")) {
            for (Map.Entry<UUID, String> write : load.acknowledged.entrySet()) {
                select.setObject(1, write.getKey());
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "acknowledged write " + write.getKey() + " is not in the database");
                    assertEquals(write.getValue(), row.getString(1));
                }
            }
        }
    }
}
