package app.newsroom.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on a local port: records what it receives and answers the statuses it is told, then 204. */
final class Receiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String body) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                received.add(new Received(
                        h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        body));
            }
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Waits until at least n deliveries arrived (or fails), and answers them all. */
    List<Received> await(int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.size() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("expected " + n + " deliveries, got " + received);
            }
            Thread.sleep(20);
        }
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
