package app.newsroom.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draft previews: a token shows one article to anyone holding it, privately, and grants nothing else. */
@QuarkusTest
class PreviewTokenTest {

    @Inject
    EntityManager em;

    private static Map<String, Object> draft(String headline) {
        return with(article(headline), "status", "draft");
    }

    private static Response mint(String id, Object body) {
        var request = editor().contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post("/api/v1/articles/" + id + "/preview-tokens");
    }

    @Test
    void shouldShowADraftToTheTokensHolderPrivately() {
        Map<String, Object> a = created(draft("Preview me " + token()));
        String id = (String) a.get("id");
        String slug = (String) a.get("slug");
        as(null).get("/api/v1/articles/" + id).then().statusCode(404);
        Response minted = mint(id, null);
        minted.then()
                .statusCode(201)
                .header("Cache-Control", "private, no-store")
                .body("token", startsWith("pv_"));
        String token = minted.path("token");
        Instant expires = Instant.parse(minted.path("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).toMinutes() >= 59, "default: an hour");
        assertTrue(((String) minted.path("url")).endsWith("/api/v1/articles/" + id + "?preview=" + token));

        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex")
                .body("status", equalTo("draft"))
                .body("headline", equalTo(a.get("headline")));
        // by slug, and in the Authorization header
        given().header("Authorization", "Preview " + token)
                .get("/api/v1/articles/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("id", equalTo(id));
        // its ETag answers 304; ninjs is not for previews
        String etag = as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + id)
                .header("ETag");
        as(null).queryParam("preview", token)
                .header("If-None-Match", etag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(304)
                .header("Cache-Control", "private, no-store");
        as(null).queryParam("preview", token)
                .queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("preview"));
        // field selection applies
        Map<String, Object> selected = as(null).queryParam("preview", token)
                .queryParam("fields", "headline")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertEquals(Set.of("id", "headline"), selected.keySet());
        // nothing of it was kept for the public
        as(null).get("/api/v1/articles/" + id).then().statusCode(404);
        // any version: an edit is seen through the same token
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\": \"Preview edited\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Preview edited"));
    }

    @Test
    void shouldGrantNothingElse() {
        String id = (String) created(draft("Scoped preview " + token())).get("id");
        String other = (String) created(draft("Other draft " + token())).get("id");
        String published = (String) created(article("Public story " + token())).get("id");
        String token = mint(id, null).path("token");
        // no other article, not even a published one
        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + other)
                .then()
                .statusCode(404);
        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + published)
                .then()
                .statusCode(404);
        // no list of drafts, no writes
        given().header("Authorization", "Preview " + token)
                .queryParam("status", "draft")
                .get("/api/v1/articles")
                .then()
                .statusCode(401);
        as(null).queryParam("preview", token)
                .queryParam("pageSize", 100)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", "Preview " + token)
                .contentType("application/merge-patch+json")
                .body("{\"headline\": \"Hijacked\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(401);
        given().header("Authorization", "Preview " + token)
                .contentType(ContentType.JSON)
                .body(article("Not allowed " + token()))
                .post("/api/v1/articles")
                .then()
                .statusCode(401);
        // a wrong token is a 404 that does not tell whether the article exists
        as(null).queryParam("preview", "pv_wrong")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(404);
        as(null).queryParam("preview", "pv_wrong")
                .get("/api/v1/articles/" + published)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldStopWorkingWhenRevokedOrExpired() throws Exception {
        String id = (String) created(draft("Short-lived preview " + token())).get("id");
        Response first = mint(id, Map.of("expiresInSeconds", 120));
        first.then().statusCode(201);
        Response second = mint(id, null);
        String firstToken = first.path("token");
        String secondToken = second.path("token");
        assertTrue(Duration.between(Instant.now(), Instant.parse(first.path("expiresAt")))
                        .toSeconds()
                <= 120);

        editor().delete("/api/v1/articles/" + id + "/preview-tokens/" + first.path("id"))
                .then()
                .statusCode(204);
        as(null).queryParam("preview", firstToken)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(404);
        editor().get("/api/v1/articles/" + id + "/preview-tokens")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.find { it.id == '" + first.path("id") + "' }.active", equalTo(false))
                .body("items.find { it.id == '" + second.path("id") + "' }.active", equalTo(true))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("token")));

        // expired: its time moved into the past
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE preview_token SET expires_at = now() - interval '1 second' WHERE id = :id")
                        .setParameter("id", UUID.fromString(second.path("id")))
                        .executeUpdate());
        as(null).queryParam("preview", secondToken)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(404);

        // only the hash is stored
        byte[] stored = QuarkusTransaction.requiringNew()
                .call(() -> (byte[]) em.createNativeQuery("SELECT token_hash FROM preview_token WHERE id = :id")
                        .setParameter("id", UUID.fromString(second.path("id")))
                        .getSingleResult());
        assertArrayEquals(
                MessageDigest.getInstance("SHA-256").digest(secondToken.getBytes(StandardCharsets.UTF_8)), stored);
    }

    @Test
    void shouldShowNothingOfAKilledArticle() {
        String id = (String) created(article("Withdrawn preview " + token())).get("id");
        String token = mint(id, null).path("token");
        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", "Legal"))
                .post("/api/v1/articles/" + id + "/kill")
                .then()
                .statusCode(200);
        as(null).queryParam("preview", token)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldCheckWhoMintsAndForHowLong() {
        String id = (String) created(draft("Guarded preview " + token())).get("id");
        given().contentType(ContentType.JSON)
                .post("/api/v1/articles/" + id + "/preview-tokens")
                .then()
                .statusCode(401);
        as("partner")
                .contentType(ContentType.JSON)
                .post("/api/v1/articles/" + id + "/preview-tokens")
                .then()
                .statusCode(403);
        mint(UUID.randomUUID().toString(), null).then().statusCode(404);
        mint(id, Map.of("expiresInSeconds", 59))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresInSeconds"));
        mint(id, Map.of("expiresInSeconds", 604_801))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresInSeconds"));
        Response week = mint(id, Map.of("expiresInSeconds", 604_800));
        week.then().statusCode(201);
        assertEquals(
                7,
                Duration.between(Instant.now(), Instant.parse(week.path("expiresAt")))
                                .toDays()
                        + 1);
        editor().delete("/api/v1/articles/" + id + "/preview-tokens/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
