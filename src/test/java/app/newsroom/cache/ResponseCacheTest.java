package app.newsroom.cache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response cache on the real database: what it serves without a statement, what it never serves, and that every
 * kind of change — through the API, scheduled, or written to the database by anyone else — reaches it.
 */
@QuarkusTest
class ResponseCacheTest {

    @Inject
    EntityManagerFactory factory;

    @Inject
    DataSource dataSource;

    @Inject
    ResponseCache cache;

    @TestHTTPResource("/")
    URI root;

    /** The fewest statements of three runs (a background job may add one to a run). */
    private long fewestStatements(Runnable request) {
        Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            stats.clear();
            request.run();
            fewest = Math.min(fewest, stats.getPrepareStatementCount());
        }
        return fewest;
    }

    private static Map<String, Object> published(String headline, String tag) {
        Map<String, Object> a = article(headline);
        a.put("tags", List.of(tag));
        return a;
    }

    @Test
    void shouldAnswerARepeatedAnonymousReadAndItsRevalidationWithoutTheDatabase() {
        String t = token();
        String slug = (String) created(published("Kept in memory " + t, t)).get("slug");
        String etag = given().get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        assertEquals(
                0,
                fewestStatements(() -> given().get("/api/v1/articles/" + slug)
                        .then()
                        .statusCode(200)
                        .header("ETag", equalTo(etag))
                        .body("slug", equalTo(slug))));
        assertEquals(
                0,
                fewestStatements(() -> given().header("If-None-Match", etag)
                        .get("/api/v1/articles/" + slug)
                        .then()
                        .statusCode(304)
                        .header("ETag", equalTo(etag))));
        given().get("/api/v1/articles?tag=" + t).then().statusCode(200);
        assertEquals(
                0,
                fewestStatements(() -> given().get("/api/v1/articles?tag=" + t)
                        .then()
                        .statusCode(200)
                        .body("items[0].slug", equalTo(slug))));
        // a partner's read is answered from memory too, after its key is checked (one statement)
        as("partner").get("/api/v1/articles/" + slug).then().statusCode(200);
        assertEquals(
                1,
                fewestStatements(() ->
                        as("partner").get("/api/v1/articles/" + slug).then().statusCode(200)));
    }

    @Test
    void shouldSendCachingHeadersForBrowsersAndCdns() {
        String t = token();
        Map<String, Object> a = created(published("Cache headers " + t, t));
        String id = (String) a.get("id");
        for (int i = 0; i < 2; i++) { // computed, then from memory: the same headers
            given().get("/api/v1/articles/" + id)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", startsWith("public, max-age=60, "))
                    .header("Cache-Control", containsString("stale-while-revalidate=60"))
                    .header("Cache-Control", containsString("stale-if-error=86400"))
                    .header("Surrogate-Key", containsString("a:" + id))
                    .header("Surrogate-Key", containsString("t:" + t))
                    .header("Vary", containsString("Authorization"));
            given().queryParam("tag", t)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", startsWith("public, max-age=30, "))
                    .header("Surrogate-Key", containsString("articles"))
                    .header("Surrogate-Key", containsString("a:" + id))
                    .header("Surrogate-Key", containsString("t:" + t));
        }
        // with a key: private, and no keys for a shared cache
        editor().get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache"))
                .header("Surrogate-Key", nullValue());
        as("partner")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache"));
        given().get("/api/v1/sections").then().statusCode(200).header("Surrogate-Key", equalTo("sections"));
    }

    @Test
    void shouldSeeEveryWriteOnTheNextReadOfTheWritingInstance() {
        String t = token();
        Map<String, Object> a = created(published("Version 0 " + t, t));
        String id = (String) a.get("id");
        String slug = (String) a.get("slug");
        for (int i = 1; i <= 10; i++) {
            given().get("/api/v1/articles/" + slug).then().statusCode(200); // kept
            given().queryParam("tag", t).get("/api/v1/articles").then().statusCode(200);
            editor().contentType("application/merge-patch+json")
                    .body(Map.of("standfirst", "Version " + i))
                    .patch("/api/v1/articles/" + id)
                    .then()
                    .statusCode(200);
            given().get("/api/v1/articles/" + slug).then().statusCode(200).body("standfirst", equalTo("Version " + i));
            given().queryParam("tag", t)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .body("items[0].standfirst", equalTo("Version " + i));
        }
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().queryParam("tag", t)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("page.totalItems", equalTo(0));
    }

    @Test
    void shouldNeverKeepWhatAnEditorSees() {
        String t = token();
        Map<String, Object> draft = article("Draft " + t);
        draft.put("status", "draft");
        String id = (String) created(draft).get("id");
        editor().get("/api/v1/articles/" + id).then().statusCode(200).body("status", equalTo("draft"));
        given().get("/api/v1/articles/" + id).then().statusCode(404);
        as("partner").get("/api/v1/articles/" + id).then().statusCode(404);
        editor().queryParam("status", "draft").get("/api/v1/articles").then().statusCode(200);
        given().queryParam("status", "draft").get("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void shouldDropWhatAChangeWrittenStraightToTheDatabaseAffects() throws Exception {
        String t = token();
        Map<String, Object> a = created(published("Written elsewhere " + t, t));
        String id = (String) a.get("id");
        given().get("/api/v1/articles/" + id).then().body("headline", equalTo("Written elsewhere " + t));
        given().get("/api/v1/tags/" + t).then().statusCode(200);
        // as another instance, an import or an operator in psql would: no request of this instance knows of it
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("UPDATE article SET headline = ?, version = version + 1 WHERE id = ?")) {
            s.setString(1, "Rewritten in the database " + t);
            s.setObject(2, UUID.fromString(id));
            s.executeUpdate();
        }
        eventually(
                () -> given().get("/api/v1/articles/" + id).then().extract().path("headline"),
                "Rewritten in the database " + t);
        // a tag renamed in the database changes the article that carries it, and the tag's own page
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "UPDATE tag SET name = 'Renamed " + t + "', version = version + 1 WHERE slug = '" + t + "'");
        }
        eventually(() -> given().get("/api/v1/articles/" + id).then().extract().path("tags[0].name"), "Renamed " + t);
        eventually(() -> given().get("/api/v1/tags/" + t).then().extract().path("name"), "Renamed " + t);
    }

    @Test
    void shouldShowAScheduledArticleInListsAtItsTimeWithoutAWrite() throws Exception {
        String t = token();
        created(published("Already out " + t, t));
        Map<String, Object> scheduled = published("Out in two seconds " + t, t);
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        scheduled.put("publishedAt", due.toString());
        String id = (String) created(scheduled).get("id");
        Response before = given().queryParam("tag", t).get("/api/v1/articles");
        before.then().statusCode(200).body("page.totalItems", equalTo(1));
        int maxAge = Integer.parseInt(before.header("Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(maxAge <= 2, "a list is not declared fresh past the next scheduled publication: " + maxAge);
        given().get("/api/v1/feeds/json?tag=" + t).then().statusCode(200);

        Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 300);
        given().queryParam("tag", t)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("page.totalItems", equalTo(2))
                .body("items[0].id", equalTo(id));
        given().get("/api/v1/feeds/json?tag=" + t)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo("urn:uuid:" + id));
    }

    @Test
    void shouldServeTheGzippedCopyToClientsThatTakeIt() throws Exception {
        String t = token();
        for (int i = 0; i < 8; i++) {
            created(published("A list long enough to compress, item " + i + " " + t, t));
        }
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            URI list = root.resolve("/api/v1/articles?tag=" + t + "&v=" + version);
            String plain = client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            for (int i = 0; i < 2; i++) { // computed (the framework compresses), then from memory (the kept copy)
                HttpResponse<byte[]> zipped = client.send(
                        HttpRequest.newBuilder(list)
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(
                        "gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), version.toString());
                assertEquals(plain, gunzip(zipped.body()), version.toString());
            }
            HttpResponse<String> identity = client.send(
                    HttpRequest.newBuilder(list).header("Accept-Encoding", "br").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse("gzip"
                    .equals(identity.headers().firstValue("Content-Encoding").orElse("")));
            assertEquals(plain, identity.body(), version.toString());
        }
    }

    @Test
    void shouldStopServingWhileNotListeningAndDropEverythingWhenListeningAgain() throws Exception {
        String t = token();
        String id = (String) created(published("Listener test " + t, t)).get("id");
        given().get("/api/v1/articles/" + id).then().statusCode(200);
        // the listener warns that it lost its connection: that is what this test does, so the build's log is spared
        Logger log = Logger.getLogger(InvalidationListener.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.SEVERE);
        try {
            terminateTheListenersConnection(id, t);
        } finally {
            log.setLevel(level);
        }
        // and what it hears again reaches the cache
        given().get("/api/v1/articles/" + id).then().statusCode(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("UPDATE article SET standfirst = ?, version = version + 1 WHERE id = ?")) {
            s.setString(1, "Heard again " + t);
            s.setObject(2, UUID.fromString(id));
            s.executeUpdate();
        }
        eventually(() -> given().get("/api/v1/articles/" + id).then().extract().path("standfirst"), "Heard again " + t);
    }

    private void terminateTheListenersConnection(String id, String t) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + InvalidationListener.APPLICATION_NAME + " "
                    + ProcessHandle.current().pid() + "'");
        }
        // the change's notification reaches no listener: it is only the reconnection that makes it safe
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("UPDATE article SET standfirst = ?, version = version + 1 WHERE id = ?")) {
            s.setString(1, "While nobody listened " + t);
            s.setObject(2, UUID.fromString(id));
            s.executeUpdate();
        }
        eventually(
                () -> given().get("/api/v1/articles/" + id).then().extract().path("standfirst"),
                "While nobody listened " + t);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!cache.live() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(cache.live(), "the listener listens again");
    }

    /** Polls for up to two seconds until the value is the expected one; a change must reach the cache by then. */
    private static void eventually(Supplier<Object> read, Object expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        Object value = read.get();
        while (!expected.equals(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            value = read.get();
        }
        assertEquals(expected, value);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
