package app.newsroom.webhook;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.ADMIN_KEY;
import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker is off in the test profile (tests that count statements need a quiet database); on here. */
@QuarkusTest
@TestProfile(WebhookTest.WorkerOn.class)
class WebhookTest {

    public static class WorkerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.webhooks.enabled", "true", "newsroom.webhooks.disable-after", "2s");
        }
    }

    private final List<String> registered = new ArrayList<>();

    @AfterEach
    void deleteEndpoints() {
        registered.forEach(id -> as("admin").delete("/api/v1/webhooks/" + id));
        registered.clear();
    }

    /** Registers an endpoint for the articles tagged {@code hook-<t>}; answers the created endpoint. */
    private JsonPath register(String role, String url, String t, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url, "tags", List.of("hook-" + t)));
        body.putAll(extra);
        JsonPath created = as(role).contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .extract()
                .jsonPath();
        registered.add(created.getString("id"));
        return created;
    }

    private static Map<String, Object> tagged(String headline, String t) {
        return with(article(headline), "tags", List.of("Hook " + t));
    }

    private static String hmac(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldSignAndDeliverEveryKindOfEventButNothingForDrafts() throws Exception {
        String t = token();
        try (Receiver receiver = new Receiver(0)) {
            JsonPath endpoint = register("admin", receiver.url(), t, Map.of());
            String secret = endpoint.getString("secret");
            assertTrue(secret.startsWith("whsec_"));

            String a = (String) created(tagged("Hooked " + t, t)).get("id");
            created(with(tagged("Hooked draft " + t, t), "status", "draft"));
            receiver.await(1);
            editor().contentType("application/merge-patch+json")
                    .body("{\"standfirst\":\"Now with a standfirst.\"}")
                    .patch("/api/v1/articles/" + a)
                    .then()
                    .statusCode(200);
            receiver.await(2);
            editor().contentType("application/merge-patch+json")
                    .body("{\"status\":\"draft\"}")
                    .patch("/api/v1/articles/" + a)
                    .then()
                    .statusCode(200);
            receiver.await(3);
            String b = (String) created(tagged("Hooked and gone " + t, t)).get("id");
            receiver.await(4);
            editor().delete("/api/v1/articles/" + b).then().statusCode(204);
            List<Receiver.Received> all = receiver.await(5);
            Thread.sleep(500); // nothing else may come: the draft is nobody's business
            assertEquals(5, receiver.received.size(), receiver.received.toString());

            List<String> seen = new ArrayList<>();
            for (Receiver.Received r : all) {
                assertEquals(hmac(secret, r.id(), r.timestamp(), r.body()), r.signature(), "signature of " + r);
                assertTrue(
                        Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000) < 60,
                        "a fresh timestamp");
                JsonPath body = JsonPath.from(r.body());
                seen.add(body.getString("type") + ":" + body.getString("data.articleId"));
                assertNotNull(body.getString("timestamp"));
                as("partner")
                        .queryParam("since", body.getString("data.cursor"))
                        .get("/api/v1/changes")
                        .then()
                        .statusCode(200);
            }
            assertEquals(
                    List.of(
                            "article.published:" + a,
                            "article.updated:" + a,
                            "article.unpublished:" + a,
                            "article.published:" + b,
                            "article.deleted:" + b),
                    seen);
            JsonPath updated = JsonPath.from(all.get(1).body());
            assertEquals("Now with a standfirst.", updated.getString("data.article.standfirst"));
            assertEquals("hook-" + t, updated.getString("data.article.tags[0].slug"));
            assertNull(JsonPath.from(all.get(2).body()).get("data.article"));
        }
    }

    @Test
    void shouldTellALaterEndpointOfAnUpdateToWhatWasPublicBefore() throws Exception {
        String t = token();
        String a =
                (String) created(tagged("Public before any endpoint " + t, t)).get("id");
        Thread.sleep(400); // the worker records, with no endpoint registered, that partners may see it
        try (Receiver receiver = new Receiver(0)) {
            register("admin", receiver.url(), t, Map.of());
            editor().contentType("application/merge-patch+json")
                    .body("{\"standfirst\":\"Changed after the endpoint came.\"}")
                    .patch("/api/v1/articles/" + a)
                    .then()
                    .statusCode(200);
            JsonPath event = JsonPath.from(receiver.await(1).get(0).body());
            assertEquals("article.updated", event.getString("type"));
            assertEquals(a, event.getString("data.articleId"));
        }
    }

    @Test
    void shouldTellPartnersOfCorrectionsAndKills() throws Exception {
        String t = token();
        try (Receiver receiver = new Receiver(0)) {
            register("partner", receiver.url(), t, Map.of());
            String a = (String) created(tagged("Corrected then killed " + t, t)).get("id");
            receiver.await(1);
            editor().contentType(ContentType.JSON)
                    .body(Map.of("text", "The vote was on Tuesday."))
                    .post("/api/v1/articles/" + a + "/corrections")
                    .then()
                    .statusCode(200);
            receiver.await(2);
            editor().contentType(ContentType.JSON)
                    .body(Map.of("reason", "Withdrawn: the source retracted."))
                    .post("/api/v1/articles/" + a + "/kill")
                    .then()
                    .statusCode(200);
            List<Receiver.Received> all = receiver.await(3);
            JsonPath corrected = JsonPath.from(all.get(1).body());
            assertEquals("article.corrected", corrected.getString("type"));
            JsonPath killed = JsonPath.from(all.get(2).body());
            assertEquals("article.killed", killed.getString("type"));
            assertEquals(a, killed.getString("data.articleId"));
            assertEquals("Withdrawn: the source retracted.", killed.getString("data.reason"));
            assertNull(killed.get("data.article"));
        }
    }

    @Test
    void shouldSendPartnersOnlyWhatTheyMayRepublish() throws Exception {
        String t = token();
        try (Receiver partner = new Receiver(0);
                Receiver admin = new Receiver(0)) {
            register("partner", partner.url(), t, Map.of());
            register("admin", admin.url(), t, Map.of());
            String restricted =
                    (String) created(with(tagged("Not for partners " + t, t), "syndication", Map.of("allowed", false)))
                            .get("id");
            String open = (String) created(tagged("For everyone " + t, t)).get("id");
            List<String> seenByAdmin = admin.await(2).stream()
                    .map(r -> JsonPath.from(r.body()).getString("data.articleId"))
                    .toList();
            assertEquals(List.of(restricted, open), seenByAdmin);
            partner.await(1);
            Thread.sleep(300);
            assertEquals(
                    List.of(open),
                    partner.received.stream()
                            .map(r -> JsonPath.from(r.body()).getString("data.articleId"))
                            .toList());
        }
    }

    @Test
    void shouldSendPartnersAnEmbargoedArticleMarkedWithItsEmbargo() throws Exception {
        String t = token();
        try (Receiver receiver = new Receiver(0)) {
            register("partner", receiver.url(), t, Map.of());
            String until = java.time.Instant.now()
                    .plusSeconds(3600)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString();
            String a = (String) created(with(tagged("Held back " + t, t), "embargoedUntil", until))
                    .get("id");
            JsonPath event = JsonPath.from(receiver.await(1).get(0).body());
            assertEquals("article.published", event.getString("type"));
            assertEquals(a, event.getString("data.articleId"));
            assertEquals(until, event.getString("data.embargoedUntil"));
            assertEquals(a, event.getString("data.article.id"));
        }
    }

    @Test
    void shouldRetryServerErrorsWithTheSameIdAndLogEveryAttempt() throws Exception {
        String t = token();
        try (Receiver receiver = new Receiver(0)) {
            receiver.statuses.add(500);
            receiver.statuses.add(503);
            String hook = register("admin", receiver.url(), t, Map.of("payload", "full"))
                    .getString("id");
            String a = (String) created(tagged("Retried " + t, t)).get("id");
            List<Receiver.Received> all = receiver.await(3);
            assertEquals(1, all.stream().map(Receiver.Received::id).distinct().count(), "one webhook-id");
            assertEquals(all.get(0).body(), all.get(2).body(), "the same body on every attempt");
            assertEquals(a, JsonPath.from(all.get(0).body()).getString("data.article.id"));
            assertNotNull(JsonPath.from(all.get(0).body()).getString("data.article.body"), "the full form");
            awaitDelivery(hook, "delivered");
            as("admin")
                    .get("/api/v1/webhooks/" + hook + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].eventId", equalTo(all.get(0).id()))
                    .body("items[0].type", equalTo("article.published"))
                    .body("items[0].attempts.status", equalTo(List.of(500, 503, 204)))
                    .body("items[0].attempts[0].error", equalTo("answered 500"));
        }
    }

    @Test
    void shouldDeliverEverythingInCommitOrderOnceTheReceiverIsBack() throws Exception {
        String t = token();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String hook = register("admin", "http://127.0.0.1:" + port + "/hook", t, Map.of())
                .getString("id");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((String) created(tagged("While down " + i + " " + t, t)).get("id"));
        }
        Thread.sleep(1200); // several attempts fail to connect meanwhile
        JsonPath log = as("admin")
                .get("/api/v1/webhooks/" + hook + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("pending", "pending", "pending"), log.getList("items.state"));
        assertTrue(log.getList("items[2].attempts").size() >= 2, "the oldest was retried: " + log.prettify());
        assertEquals(List.of(), log.getList("items[0].attempts"), "the others wait their turn");
        as("admin").get("/api/v1/webhooks/" + hook).then().body("failingSince", not(equalTo(null)));
        try (Receiver receiver = new Receiver(port)) {
            List<String> order = receiver.await(3).stream()
                    .map(r -> JsonPath.from(r.body()).getString("data.articleId"))
                    .toList();
            assertEquals(ids, order);
            awaitDelivery(hook, "delivered");
            as("admin").get("/api/v1/webhooks/" + hook).then().body("failingSince", equalTo(null));
        }
    }

    @Test
    void shouldDisableAnEndpointThatKeepsFailingUntilItIsEnabledAgain() throws Exception {
        String t = token();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String hook = register("admin", "http://127.0.0.1:" + port + "/hook", t, Map.of())
                .getString("id");
        String a = (String) created(tagged("Never reached " + t, t)).get("id");
        JsonPath endpoint = null;
        for (int i = 0; i < 150 && (endpoint == null || endpoint.get("disabledAt") == null); i++) {
            Thread.sleep(50);
            endpoint = as("admin").get("/api/v1/webhooks/" + hook).jsonPath();
        }
        assertNotNull(endpoint.get("disabledAt"), "disabled after failing for disable-after (2 s in this test)");
        assertTrue(endpoint.getString("disabledReason").contains("enable"), endpoint.prettify());
        try (Receiver receiver = new Receiver(port)) {
            Thread.sleep(700);
            assertEquals(List.of(), receiver.received, "a disabled endpoint receives nothing");
            as("admin")
                    .post("/api/v1/webhooks/" + hook + "/enable")
                    .then()
                    .statusCode(200)
                    .body("disabledAt", equalTo(null))
                    .body("failingSince", equalTo(null));
            assertEquals(a, JsonPath.from(receiver.await(1).get(0).body()).getString("data.articleId"));
        }
    }

    @Test
    void shouldNotRetryClientErrorsButRedeliverOnRequest() throws Exception {
        String t = token();
        try (Receiver receiver = new Receiver(0)) {
            receiver.statuses.add(410);
            String hook = register("partner", receiver.url(), t, Map.of()).getString("id");
            created(tagged("Refused " + t, t));
            receiver.await(1);
            long delivery = awaitDelivery(hook, "failed");
            Thread.sleep(600);
            assertEquals(1, receiver.received.size(), "a 4xx is not retried");
            receiver.statuses.add(302); // a redirect is never followed (it could point anywhere): a failure, no retry
            created(tagged("Redirected " + t, t));
            receiver.await(2);
            awaitDelivery(hook, "failed");
            as("partner")
                    .get("/api/v1/webhooks/" + hook + "/deliveries")
                    .then()
                    .body("items[0].attempts.error", equalTo(List.of("answered 302; redirects are not followed")));
            Thread.sleep(600);
            assertEquals(2, receiver.received.size(), "a redirect is not retried");
            as("partner")
                    .post("/api/v1/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver")
                    .then()
                    .statusCode(202);
            List<Receiver.Received> all = receiver.await(3);
            assertEquals(all.get(0).id(), all.get(2).id());
            for (int i = 0; i < 100; i++) {
                String state = as("partner")
                        .get("/api/v1/webhooks/" + hook + "/deliveries")
                        .jsonPath()
                        .getString("items.find { it.id == " + delivery + " }.state");
                if ("delivered".equals(state)) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the redelivery was never recorded as delivered");
        }
    }

    @Test
    void shouldKeepEachPartnerToItsOwnEndpoints() {
        String t = token();
        String hook =
                register("partner", "http://127.0.0.1:9/hook", t, Map.of()).getString("id");
        String otherPartner = as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "another partner", "role", "partner"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        var other = RestAssured.given().auth().oauth2(otherPartner);
        other.get("/api/v1/webhooks/" + hook).then().statusCode(404);
        other.get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(404);
        other.delete("/api/v1/webhooks/" + hook).then().statusCode(404);
        other.get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(hook)));
        as("partner").get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem(hook));
        RestAssured.given()
                .auth()
                .oauth2(ADMIN_KEY)
                .get("/api/v1/webhooks/" + hook)
                .then()
                .statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/hook"))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        editor().get("/api/v1/webhooks").then().statusCode(403);
        RestAssured.given().get("/api/v1/webhooks").then().statusCode(401);
    }

    @Test
    void shouldNameTheFieldOfABadRegistration() {
        java.util.function.BiFunction<String, Object, Map<String, Object>> ok =
                (field, value) -> Map.of("url", "http://127.0.0.1:9/hook", field, value);
        record Bad(Map<String, Object> body, String field) {}
        for (Bad bad : List.of(
                new Bad(Map.of(), "url"),
                new Bad(Map.of("url", "ftp://127.0.0.1/hook"), "url"),
                new Bad(Map.of("url", "not a url at all"), "url"),
                new Bad(ok.apply("events", List.of("article.exploded")), "events[0]"),
                new Bad(ok.apply("tags", List.of("Not A Slug")), "tags[0]"),
                new Bad(ok.apply("sections", List.of("world/")), "sections[0]"),
                new Bad(ok.apply("payload", "everything"), "payload"),
                new Bad(ok.apply("secret", "mine"), "secret"))) {
            as("admin")
                    .contentType(ContentType.JSON)
                    .body(bad.body())
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.field()));
        }
    }

    /** Waits until the newest delivery of the endpoint is in the state; answers its id. */
    private static long awaitDelivery(String hook, String state) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonPath log = as("admin")
                    .get("/api/v1/webhooks/" + hook + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (state.equals(log.getString("items[0].state"))) {
                return log.getLong("items[0].id");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the delivery never became " + state);
    }
}
