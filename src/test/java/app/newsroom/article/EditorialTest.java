package app.newsroom.article;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.changesHead;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EditorialTest {

    @Test
    void shouldKillAnArticleEverywhereAndKeepItDeadUntilAnAdminRevivesIt() {
        String t = token();
        String start = changesHead("partner");
        Map<String, Object> a = created(with(article("To be killed " + t), "tags", List.of("Kill " + t)));
        String id = (String) a.get("id");
        as(null).get("/api/v1/articles/" + a.get("slug")).then().statusCode(200);

        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", "Legal: withdrawn pending review."))
                .post("/api/v1/articles/" + id + "/kill")
                .then()
                .statusCode(200)
                .header("ETag", not(nullValue()))
                .body("status", equalTo("killed"))
                .body("killReason", equalTo("Legal: withdrawn pending review."))
                .body("killedAt", not(nullValue()));

        as(null).get("/api/v1/articles/" + a.get("slug")).then().statusCode(404);
        as("partner").get("/api/v1/articles/" + id).then().statusCode(404);
        as(null).queryParam("tag", "kill-" + t).get("/api/v1/articles").then().body("items.id", not(hasItem(id)));
        as(null).get("/api/v1/feeds/json").then().body("items.id", not(hasItem("urn:uuid:" + id)));
        editor().queryParam("status", "killed")
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        JsonPath changes = as("partner")
                .queryParam("since", start)
                .queryParam("limit", "1000")
                .get("/api/v1/changes")
                .jsonPath();
        List<Map<String, Object>> mine = changes.<Map<String, Object>>getList("changes").stream()
                .filter(c -> id.equals(c.get("articleId")))
                .toList();
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("kill", mine.get(0).get("type"));
        assertEquals("Legal: withdrawn pending review.", mine.get(0).get("reason"));

        // no edit, import or second kill brings it back
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"published\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("status"));
        editor().contentType(ContentType.JSON)
                .body(with(article("Republished " + t), "status", "published"))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(409);
        editor().contentType("application/x-ndjson")
                .body(("{\"slug\":\"" + a.get("slug") + "\",\"headline\":\"Imported over\",\"status\":\"published\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(200)
                .body("totals.failed", equalTo(1));
        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post("/api/v1/articles/" + id + "/kill")
                .then()
                .statusCode(409);
        as(null).get("/api/v1/articles/" + a.get("slug")).then().statusCode(404);

        editor().post("/api/v1/articles/" + id + "/unkill").then().statusCode(403);
        as("admin")
                .post("/api/v1/articles/" + id + "/unkill")
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("killReason", nullValue());
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"published\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        as(null).get("/api/v1/articles/" + a.get("slug")).then().statusCode(200);
    }

    @Test
    void shouldRefuseKillsThatMakeNoSense() {
        String draft = (String)
                created(with(article("Draft " + token()), "status", "draft")).get("id");
        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", "no"))
                .post("/api/v1/articles/" + draft + "/kill")
                .then()
                .statusCode(409);
        String published = (String) created(article("Published " + token())).get("id");
        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post("/api/v1/articles/" + published + "/kill")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        editor().contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .post("/api/v1/articles/00000000-0000-7000-8000-000000000000/kill")
                .then()
                .statusCode(404);
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"killed\"}")
                .patch("/api/v1/articles/" + published)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("admin").post("/api/v1/articles/" + published + "/unkill").then().statusCode(409);
    }

    @Test
    void shouldAppendCorrectionsToTheRecordFeedsAndNinjs() {
        Map<String, Object> a = created(article("Corrected " + token()));
        String id = (String) a.get("id");
        String etag = as(null).get("/api/v1/articles/" + id).header("ETag");
        editor().contentType(ContentType.JSON)
                .header("If-Match", "\"stale\"")
                .body(Map.of("text", "Too late."))
                .post("/api/v1/articles/" + id + "/corrections")
                .then()
                .statusCode(412);
        JsonPath corrected = editor().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("text", "An earlier version gave the wrong <date>."))
                .post("/api/v1/articles/" + id + "/corrections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(((Number) a.get("version")).longValue() + 1, corrected.getLong("version"));
        assertEquals("An earlier version gave the wrong <date>.", corrected.getString("corrections[0].text"));
        editor().contentType(ContentType.JSON)
                .body(Map.of("text", "And a second one."))
                .post("/api/v1/articles/" + id + "/corrections")
                .then()
                .statusCode(200);

        as(null).get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body(
                        "corrections.text",
                        equalTo(List.of("An earlier version gave the wrong <date>.", "And a second one.")));
        String html = as(null).get("/api/v1/feeds/json")
                .jsonPath()
                .getString("items.find { it.id == 'urn:uuid:" + id + "' }.content_html");
        assertTrue(
                html.endsWith("An earlier version gave the wrong &lt;date&gt;.</p><p><em>Correction ("
                        + corrected.getString("corrections[0].at").substring(0, 10) + "):</em> And a second one.</p>"),
                html);
        String ninjs = as(null).queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("ednote", containsString("And a second one."))
                .extract()
                .asString();
        NinjsTest.assertNinjs(ninjs);

        editor().contentType(ContentType.JSON)
                .body(Map.of("text", ""))
                .post("/api/v1/articles/" + id + "/corrections")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("text"));
        String draft = (String)
                created(with(article("Draft " + token()), "status", "draft")).get("id");
        editor().contentType(ContentType.JSON)
                .body(Map.of("text", "Nothing to correct yet."))
                .post("/api/v1/articles/" + draft + "/corrections")
                .then()
                .statusCode(409);
    }
}
