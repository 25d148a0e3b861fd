package app.newsroom.security;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis server for the tests of the shared rate-limit store, found or started once per test run:
 * <ol>
 * <li>the one named by {@code REDIS_URL}, or the one at {@code 127.0.0.1:6379} when it answers;</li>
 * <li>otherwise a {@code redis-server} started here on a free port, when one is installed;</li>
 * <li>otherwise none: the tests that need it are skipped with a message saying why, so that {@code ./mvnw verify}
 * passes on a machine with only a JDK. With {@code -Dredis-tests=true} (as {@code .ci/run} passes) they run
 * anyway and fail.</li>
 * </ol>
 */
public final class TestRedis {

    static final String REQUIRED = "redis-tests";
    private static Optional<String> url;

    private TestRedis() {}

    /** The URL of a Redis server that answers PING, or empty when none can be had here. */
    public static synchronized Optional<String> url() {
        if (url == null) {
            url = find();
        }
        return url;
    }

    /** The URL, or an assertion error saying why there is none. */
    public static String requireUrl() {
        return url().orElseThrow(() -> new AssertionError("No Redis server: " + missing()));
    }

    private static String missing() {
        String configured = System.getenv("REDIS_URL");
        return configured != null && !configured.isBlank()
                ? "nothing answers at REDIS_URL (" + configured + ")"
                : "REDIS_URL is not set, nothing answers at 127.0.0.1:6379 and no redis-server is installed "
                        + "(apt-get install redis-server)";
    }

    private static Optional<String> find() {
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured);
            return answers(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
                    ? Optional.of(configured)
                    : Optional.empty();
        }
        if (answers("127.0.0.1", 6379)) {
            return Optional.of("redis://127.0.0.1:6379");
        }
        return start();
    }

    /** Remembers a started server for the JVM: Quarkus tests load this class again in their own class loader. */
    private static final String STARTED = "newsroom.test.redis-url";

    /** Starts a throw-away redis-server on a free port, stopped when the JVM exits. */
    private static Optional<String> start() {
        String running = System.getProperty(STARTED);
        if (running != null) {
            return Optional.of(running);
        }
        Optional<Path> binary = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> Arrays.stream(p.split(File.pathSeparator)))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("newsroom-test-redis");
            Process server = new ProcessBuilder(
                            binary.get().toString(),
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "test-redis-stop"));
            for (int i = 0; i < 100; i++) {
                if (answers("127.0.0.1", port)) {
                    System.setProperty(STARTED, "redis://127.0.0.1:" + port);
                    return Optional.of("redis://127.0.0.1:" + port);
                }
                Thread.sleep(50);
            }
            server.destroy();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs a test class when a Redis server can be had, or when {@code -Dredis-tests=true} requires it (then a
     * missing server fails the tests); otherwise skips it with the reason.
     */
    public static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (url().isPresent()) {
                return ConditionEvaluationResult.enabled("Redis at " + url().get());
            }
            if (Boolean.getBoolean(REQUIRED)) {
                return ConditionEvaluationResult.enabled("Redis required by -D" + REQUIRED + "=true");
            }
            String reason = "Redis-store tests skipped: " + missing() + ". Run with -D" + REQUIRED
                    + "=true to require them (.ci/run does).";
            System.err.println("[newsroom] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
