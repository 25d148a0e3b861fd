package app.newsroom.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, as {@code ./mvnw package} leaves it) started as a
 * process of its own in the prod profile, configured by environment variables like in production.
 */
final class PackagedService implements AutoCloseable {

    static final String ADMIN_KEY = "it-admin-key-for-integration-tests-only-0123456789";

    private final Process process;
    private final Path log;
    final int port;
    final String base;

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts an instance against this database, with these settings besides the usual ones, and waits until ready. */
    static PackagedService start(ItDatabase database, Map<String, String> settings) throws Exception {
        String jar = System.getProperty("quarkus.app", "target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `./mvnw package`");
        }
        int port = freePort();
        Path log = Files.createTempFile("newsroom-it-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("NEWSROOM_ADMIN_KEY", ADMIN_KEY);
        env.put("NEWSROOM_RATE_LIMIT_ENABLED", "false"); // one test client, many requests
        env.putAll(settings);
        PackagedService service = new PackagedService(builder.start(), log, port);
        service.awaitReady();
        return service;
    }

    static PackagedService start(ItDatabase database) throws Exception {
        return start(database, new HashMap<>());
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited:\n" + log());
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready in 60 s:\n" + log());
    }

    /** SIGTERM, as an orchestrator stops a container; answers the exit code. */
    int stop() throws InterruptedException {
        terminate();
        return awaitExit();
    }

    /** Sends SIGTERM and returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (60 s at most, then kills it); answers the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
