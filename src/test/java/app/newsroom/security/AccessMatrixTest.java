package app.newsroom.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every operation of the contract, called without a key and with a partner, editor and admin key. */
@QuarkusTest
class AccessMatrixTest {

    private static final String[] CALLERS = {null, "partner", "editor", "admin"};

    /** One operation: how to call it (fresh fixtures per caller), and the status each caller must get. */
    private record Case(String name, Function<RequestSpecification, Response> call, int... expected) {}

    @Test
    void shouldGiveEachRoleExactlyItsOperations() {
        String t = token();
        Map<String, Object> published = created(with(article("Matrix published " + t), "tags", List.of("matrix-" + t)));
        Map<String, Object> draft = created(with(article("Matrix draft " + t), "status", "draft"));
        String author = author("Matrix author " + t);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("GET /articles", r -> r.get("/api/v1/articles"), 200, 200, 200, 200),
                new Case(
                        "GET /articles?status=draft",
                        r -> r.queryParam("status", "draft").get("/api/v1/articles"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "GET /articles?status=any",
                        r -> r.queryParam("status", "any").get("/api/v1/articles"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "GET /articles/{published}",
                        r -> r.get("/api/v1/articles/" + published.get("slug")),
                        200,
                        200,
                        200,
                        200),
                new Case(
                        "GET /articles/{draft}", r -> r.get("/api/v1/articles/" + draft.get("id")), 404, 404, 200, 200),
                new Case(
                        "POST /articles",
                        r -> r.contentType(ContentType.JSON)
                                .body(article("Matrix new " + token()))
                                .post("/api/v1/articles"),
                        401,
                        403,
                        201,
                        201),
                new Case(
                        "PUT /articles/{id}",
                        r -> r.contentType(ContentType.JSON)
                                .body(article("Matrix put"))
                                .put("/api/v1/articles/" + published.get("id")),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "PATCH /articles/{id}",
                        r -> r.contentType("application/merge-patch+json")
                                .body("{\"byline\":\"M\"}")
                                .patch("/api/v1/articles/" + published.get("id")),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "DELETE /articles/{id}",
                        r -> r.delete("/api/v1/articles/"
                                + created(article("Matrix delete " + token())).get("id")),
                        401,
                        403,
                        204,
                        204),
                new Case("GET /tags", r -> r.get("/api/v1/tags"), 200, 200, 200, 200),
                new Case("GET /tags/{slug}", r -> r.get("/api/v1/tags/matrix-" + t), 200, 200, 200, 200),
                new Case(
                        "POST /tags",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "Matrix tag " + token()))
                                .post("/api/v1/tags"),
                        401,
                        403,
                        201,
                        201),
                new Case(
                        "PUT /tags/{slug}",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "Matrix renamed"))
                                .put("/api/v1/tags/matrix-" + t),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "DELETE /tags/{slug}",
                        r -> r.delete("/api/v1/tags/"
                                + as("editor")
                                        .contentType(ContentType.JSON)
                                        .body(Map.of("name", "Matrix gone " + token()))
                                        .post("/api/v1/tags")
                                        .path("slug")),
                        401,
                        403,
                        204,
                        204),
                new Case("GET /authors", r -> r.get("/api/v1/authors"), 200, 200, 200, 200),
                new Case("GET /authors/{slug}", r -> r.get("/api/v1/authors/" + author), 200, 200, 200, 200),
                new Case(
                        "POST /authors",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "Matrix author " + token()))
                                .post("/api/v1/authors"),
                        401,
                        403,
                        201,
                        201),
                new Case(
                        "PUT /authors/{slug}",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "Matrix author renamed"))
                                .put("/api/v1/authors/" + author),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "DELETE /authors/{slug}",
                        r -> r.delete("/api/v1/authors/" + author("Matrix author gone " + token())),
                        401,
                        403,
                        204,
                        204),
                new Case("GET /sections", r -> r.get("/api/v1/sections"), 200, 200, 200, 200),
                new Case("GET /changes", r -> r.queryParam("limit", "5").get("/api/v1/changes"), 401, 200, 200, 200),
                new Case(
                        "GET /search", r -> r.queryParam("q", "matrix " + t).get("/api/v1/search"), 200, 200, 200, 200),
                new Case(
                        "GET /search/suggest",
                        r -> r.queryParam("q", "matr").get("/api/v1/search/suggest"),
                        200,
                        200,
                        200,
                        200),
                new Case(
                        "GET /articles/{published}/related",
                        r -> r.get("/api/v1/articles/" + published.get("slug") + "/related"),
                        200,
                        200,
                        200,
                        200),
                new Case(
                        "GET /articles/{draft}/related",
                        r -> r.get("/api/v1/articles/" + draft.get("id") + "/related"),
                        404,
                        404,
                        404,
                        404),
                new Case("GET /feeds/rss", r -> r.get("/api/v1/feeds/rss"), 200, 200, 200, 200),
                new Case("GET /feeds/atom", r -> r.get("/api/v1/feeds/atom"), 200, 200, 200, 200),
                new Case("GET /feeds/json", r -> r.get("/api/v1/feeds/json"), 200, 200, 200, 200),
                new Case(
                        "POST /articles/import",
                        r -> r.contentType("application/x-ndjson")
                                .body(("{\"headline\": \"Matrix import " + token() + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))
                                .post("/api/v1/articles/import"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "POST /keys",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "m", "role", "partner"))
                                .post("/api/v1/keys"),
                        401,
                        403,
                        403,
                        201),
                new Case("GET /keys", r -> r.get("/api/v1/keys"), 401, 403, 403, 200),
                new Case(
                        "DELETE /keys/{id}",
                        r -> r.delete("/api/v1/keys/"
                                + as("admin")
                                        .contentType(ContentType.JSON)
                                        .body(Map.of("name", "doomed", "role", "partner"))
                                        .post("/api/v1/keys")
                                        .path("id")),
                        401,
                        403,
                        403,
                        204),
                new Case(
                        "POST /webhooks",
                        r -> r.contentType(ContentType.JSON).body(hook(t)).post("/api/v1/webhooks"),
                        401,
                        201,
                        403,
                        201),
                new Case("GET /webhooks", r -> r.get("/api/v1/webhooks"), 401, 200, 403, 200),
                new Case(
                        "POST /articles/{id}/kill",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("reason", "matrix"))
                                .post("/api/v1/articles/"
                                        + created(article("Matrix kill " + token()))
                                                .get("id") + "/kill"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "POST /articles/{id}/unkill",
                        r -> r.post("/api/v1/articles/" + killed() + "/unkill"),
                        401,
                        403,
                        403,
                        200),
                new Case(
                        "POST /articles/{id}/corrections",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("text", "matrix"))
                                .post("/api/v1/articles/" + published.get("id") + "/corrections"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "POST /articles/{id}/preview-tokens",
                        r -> r.contentType(ContentType.JSON)
                                .post("/api/v1/articles/" + published.get("id") + "/preview-tokens"),
                        401,
                        403,
                        201,
                        201),
                new Case(
                        "GET /articles/{id}/preview-tokens",
                        r -> r.get("/api/v1/articles/" + published.get("id") + "/preview-tokens"),
                        401,
                        403,
                        200,
                        200),
                new Case(
                        "DELETE /articles/{id}/preview-tokens/{tokenId}",
                        r -> r.delete("/api/v1/articles/" + published.get("id") + "/preview-tokens/"
                                + previewToken((String) published.get("id"))),
                        401,
                        403,
                        204,
                        204),
                new Case("GET /webhooks/{id}", r -> r.get("/api/v1/webhooks/" + adminHook(t)), 401, 404, 403, 200),
                new Case(
                        "DELETE /webhooks/{id}", r -> r.delete("/api/v1/webhooks/" + adminHook(t)), 401, 404, 403, 204),
                new Case(
                        "POST /webhooks/{id}/enable",
                        r -> r.post("/api/v1/webhooks/" + adminHook(t) + "/enable"),
                        401,
                        404,
                        403,
                        200),
                new Case(
                        "GET /webhooks/{id}/deliveries",
                        r -> r.get("/api/v1/webhooks/" + adminHook(t) + "/deliveries"),
                        401,
                        404,
                        403,
                        200),
                new Case(
                        "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver",
                        r -> r.post("/api/v1/webhooks/" + adminHook(t) + "/deliveries/1/redeliver"),
                        401,
                        404,
                        403,
                        404)));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            for (int i = 0; i < CALLERS.length; i++) {
                Response response = c.call.apply(as(CALLERS[i]));
                int status = response.statusCode();
                if (status != c.expected[i]) {
                    wrong.add(c.name + " as " + CALLERS[i] + ": " + status + " (expected " + c.expected[i] + ")");
                }
                if (status == 401) {
                    response.then()
                            .header("WWW-Authenticate", startsWith("Bearer"))
                            .contentType("application/problem+json")
                            .body("status", equalTo(401));
                }
                if (status == 403) {
                    response.then().contentType("application/problem+json").body("status", equalTo(403));
                }
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        assertEquals(45, cases.size(), Arrays.toString(CALLERS));
        // what the matrix registered
        as("admin").get("/api/v1/webhooks").then().extract().jsonPath().getList("items.id", String.class).stream()
                .filter(id -> ("matrix-never-" + t)
                        .equals(as("admin").get("/api/v1/webhooks/" + id).path("tags[0]")))
                .forEach(id -> as("admin").delete("/api/v1/webhooks/" + id));
    }

    /** A fresh author's slug. */
    private static String author(String name) {
        return as("editor")
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/authors")
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
    }

    /** A freshly killed article. */
    /** The id of a new preview token of this article, minted by an editor. */
    private static String previewToken(String articleId) {
        return as("editor")
                .contentType(ContentType.JSON)
                .post("/api/v1/articles/" + articleId + "/preview-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String killed() {
        String id = (String) created(article("Matrix killed " + token())).get("id");
        as("editor")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "matrix"))
                .post("/api/v1/articles/" + id + "/kill")
                .then()
                .statusCode(200);
        return id;
    }

    /** A webhook endpoint no article will match (tests may target loopback). */
    private static Map<String, Object> hook(String t) {
        return Map.of("url", "http://127.0.0.1:9/hook", "tags", List.of("matrix-never-" + t));
    }

    private static String adminHook(String t) {
        return as("admin")
                .contentType(ContentType.JSON)
                .body(hook(t))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldAnswer401ForUnknownRevokedOrMalformedKeysEvenOnPublicOperations() {
        RestAssured.given()
                .auth()
                .oauth2("nr_not-a-real-key")
                .get("/api/v1/articles")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("detail", containsString("not valid"));
        RestAssured.given()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/articles")
                .then()
                .statusCode(401);
        RestAssured.given()
                .header("Authorization", "Bearer")
                .get("/api/v1/articles")
                .then()
                .statusCode(401);
        RestAssured.given()
                .get("/api/v1/keys")
                .then()
                .statusCode(401)
                .body("detail", containsString("needs an API key"));
    }

    @Test
    void shouldNeverShowDraftsArchivedOrScheduledArticlesToPartnersOrThePublic() {
        String t = token();
        String tag = "hidden-" + t;
        created(with(with(article("Hidden draft " + t), "status", "draft"), "tags", List.of(tag)));
        created(with(with(article("Hidden archived " + t), "status", "archived"), "tags", List.of(tag)));
        Map<String, Object> scheduled = created(with(
                with(article("Hidden scheduled " + t), "publishedAt", "2999-01-01T00:00:00Z"), "tags", List.of(tag)));
        Map<String, Object> visible = created(with(article("Visible " + t), "tags", List.of(tag)));
        for (String caller : new String[] {null, "partner"}) {
            as(caller)
                    .queryParam("tag", tag)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .body("items.headline", Matchers.contains("Visible " + t))
                    .body("page.totalItems", equalTo(1));
            as(caller).get("/api/v1/articles/" + scheduled.get("slug")).then().statusCode(404);
            as(caller).get("/api/v1/tags/" + tag).then().body("articleCount", equalTo(1));
        }
        as("editor")
                .queryParams(Map.of("tag", tag, "status", "any"))
                .get("/api/v1/articles")
                .then()
                .body("page.totalItems", equalTo(4));
        as("editor")
                .get("/api/v1/articles/" + scheduled.get("slug"))
                .then()
                .statusCode(200)
                .body("headline", equalTo("Hidden scheduled " + t));
        Assertions.assertNotNull(visible.get("id"));
    }
}
