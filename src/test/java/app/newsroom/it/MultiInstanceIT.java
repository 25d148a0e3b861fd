package app.newsroom.it;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service on one database, each with its response cache: what is written through one is
 * what the other answers next, whatever the write (an article, a tag's new name), and killing an instance's listening
 * connection does not leave it answering from before; and the two deliver each webhook event once between them.
 */
class MultiInstanceIT {

    static ItDatabase database;
    static PackagedService a;
    static PackagedService b;

    @BeforeAll
    static void start() throws Exception {
        database = new ItDatabase();
        // both deliver webhooks (to a receiver on this machine) and poll often, so that they compete for the work
        Map<String, String> webhooks =
                Map.of("NEWSROOM_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true", "NEWSROOM_WEBHOOKS_POLL_EVERY", "100ms");
        a = PackagedService.start(database, webhooks);
        b = PackagedService.start(database, webhooks);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        database.close();
    }

    private static JsonNode create(String headline, String tag) throws Exception {
        Http.Answer created = Http.write("POST", a.base + "/api/v1/articles", """
                {"headline": "%s", "status": "published", "tags": ["%s"], "body": "<p>Text.</p>"}""".formatted(headline, tag));
        assertEquals(201, created.status(), created.response().body());
        return created.json();
    }

    @Test
    void shouldDeliverEachWebhookEventOnceBetweenTwoInstances() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> received = new CopyOnWriteArrayList<>(); // webhook-id, article id
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode body = Http.JSON.readTree(in);
                received.add(new String[] {
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    body.at("/data/articleId").asText()
                });
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Http.Answer hook = Http.write("POST", a.base + "/api/v1/webhooks", """
                    {"url": "http://127.0.0.1:%d/hook", "tags": ["%s"]}""".formatted(
                            receiver.getAddress().getPort(), t));
            assertEquals(201, hook.status(), hook.response().body());
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PackagedService through = i % 2 == 0 ? a : b;
                Http.Answer answer = Http.write("POST", through.base + "/api/v1/articles", """
                        {"headline": "Pushed %d %s", "status": "published", "tags": ["%s"], "body": "<p>Text.</p>"}""".formatted(i, t, t));
                assertEquals(201, answer.status(), answer.response().body());
                created.add(answer.json().get("id").asText());
            }
            for (long until = System.currentTimeMillis() + 15_000;
                    received.size() < 20 && System.currentTimeMillis() < until; ) {
                Thread.sleep(20);
            }
            Thread.sleep(1500); // time for a second delivery of anything, if there were one
            assertEquals(20, received.size());
            assertEquals(20, received.stream().map(r -> r[0]).distinct().count(), "each event once");
            assertEquals(created, received.stream().map(r -> r[1]).toList(), "in commit order");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldAnswerOnOneInstanceWhatWasWrittenThroughTheOther() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode article = create("Written through A " + t, t);
        String slug = article.get("slug").asText();
        String id = article.get("id").asText();
        // B answers, and keeps, the article and the tag's list
        assertEquals(
                "Written through A " + t,
                Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .get("headline")
                        .asText());
        assertEquals(
                1,
                Http.get(b.base + "/api/v1/articles?tag=" + t)
                        .json()
                        .at("/page/totalItems")
                        .asInt());

        Http.Answer patched = Http.write("PATCH", a.base + "/api/v1/articles/" + id, """
                {"headline": "Edited through A %s"}""".formatted(t));
        assertEquals(200, patched.status());
        eventually(
                () -> Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .get("headline")
                        .asText(),
                "Edited through A " + t);
        eventually(
                () -> Http.get(b.base + "/api/v1/articles?tag=" + t)
                        .json()
                        .at("/items/0/headline")
                        .asText(),
                "Edited through A " + t);

        assertEquals(
                204,
                Http.write("DELETE", a.base + "/api/v1/articles/" + id, null).status());
        eventually(() -> Http.get(b.base + "/api/v1/articles/" + slug).status(), 404);
        eventually(
                () -> Http.get(b.base + "/api/v1/articles?tag=" + t)
                        .json()
                        .at("/page/totalItems")
                        .asInt(),
                0);
    }

    @Test
    void shouldShowATagRenamedOnOneInstanceInAnArticleReadOnTheOther() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        String slug = create("Tagged " + t, t).get("slug").asText();
        assertEquals(
                t,
                Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .at("/tags/0/name")
                        .asText());
        Http.Answer renamed = Http.write("PUT", a.base + "/api/v1/tags/" + t, """
                {"name": "Renamed %s", "type": "place"}""".formatted(t));
        assertEquals(200, renamed.status(), renamed.response().body());
        eventually(
                () -> Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .at("/tags/0/name")
                        .asText(),
                "Renamed " + t);
        eventually(
                () -> Http.get(b.base + "/api/v1/articles?tag=" + t)
                        .json()
                        .at("/items/0/tags/0/type")
                        .asText(),
                "place");
    }

    @Test
    void shouldNotAnswerFromBeforeAChangeMadeWhileItsListenerWasCutOff() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode article = create("Before the cut " + t, t);
        String slug = article.get("slug").asText();
        Http.get(b.base + "/api/v1/articles/" + slug); // kept by B
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                    + "'newsroom-cache-listener " + b.pid() + "'");
        }
        Http.write("PATCH", a.base + "/api/v1/articles/" + article.get("id").asText(), """
                {"headline": "During the cut %s"}""".formatted(t));
        eventually(
                () -> Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .get("headline")
                        .asText(),
                "During the cut " + t);
        // B listens again, and hears the next change
        Thread.sleep(500);
        Http.write("PATCH", a.base + "/api/v1/articles/" + article.get("id").asText(), """
                {"headline": "After the cut %s"}""".formatted(t));
        eventually(
                () -> Http.get(b.base + "/api/v1/articles/" + slug)
                        .json()
                        .get("headline")
                        .asText(),
                "After the cut " + t);
        assertTrue(b.log().contains("Response cache listening again"), b.log());
    }

    /** Polls for up to three seconds: a generous bound for a test on a busy machine; bench/staleness.sh measures it. */
    static void eventually(Callable<Object> read, Object expected) throws Exception {
        long deadline = System.currentTimeMillis() + 3_000;
        Object value = read.call();
        while (!expected.equals(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
            value = read.call();
        }
        assertEquals(expected, value);
    }
}
