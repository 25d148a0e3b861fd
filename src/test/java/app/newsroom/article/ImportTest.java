package app.newsroom.article;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ImportTest {

    private static JsonPath post(String ndjson) {
        return editor().contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldCreateUpdateAndReportEveryLineWithoutStoppingAtBadOnes() {
        String t = token();
        String existing = (String) created(article("Existing " + t)).get("slug");
        String ndjson = String.join(
                "\n",
                "{\"headline\": \"Imported one " + t + "\", \"status\": \"published\", \"tags\": [\"Import " + t
                        + "\"]}",
                "{\"headline\": \"\"}",
                "",
                "{\"slug\": \"" + existing + "\", \"headline\": \"Existing, updated " + t
                        + "\", \"status\": \"published\"}",
                "not json at all",
                "{\"headline\": \"Bad link " + t + "\", \"relatedLinks\": [{\"title\": \"x\", \"url\": \"ftp://x\"}]}",
                "{\"headline\": \"Ghost link " + t
                        + "\", \"relatedLinks\": [{\"articleId\": \"0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11\"}]}",
                "{\"headline\": \"Imported two " + t + "\", \"status\": \"published\", \"tags\": [\"Import " + t
                        + "\"]," + " \"body\": \"<p>a b c</p><script>x</script>\"}",
                "{\"headline\": \"Has id\", \"id\": \"0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11\"}");
        JsonPath report = post(ndjson);
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8, 9), report.getList("lines.line"));
        assertEquals(
                List.of("created", "error", "updated", "error", "error", "error", "created", "error"),
                report.getList("lines.result"));
        assertEquals("headline", report.getString("lines[1].errors[0].field"));
        assertEquals("(body)", report.getString("lines[3].errors[0].field"));
        assertEquals("relatedLinks[0].url", report.getString("lines[4].errors[0].field"));
        assertEquals("relatedLinks[0].articleId", report.getString("lines[5].errors[0].field"));
        assertEquals("id", report.getString("lines[7].errors[0].field"));
        assertEquals(Map.of("lines", 8, "created", 2, "updated", 1, "failed", 5), report.getMap("totals"));

        given().get("/api/v1/articles/" + existing)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Existing, updated " + t))
                .body("version", equalTo(2));
        given().get("/api/v1/articles/" + report.getString("lines[6].slug"))
                .then()
                .statusCode(200)
                .body("body", equalTo("<p>a b c</p>"))
                .body("wordCount", equalTo(3));
        given().queryParam("tag", "import-" + t).get("/api/v1/articles").then().body("page.totalItems", equalTo(2));
        // lines that failed were not half-applied: neither created an article, in any status
        editor().get("/api/v1/articles/ghost-link-" + t).then().statusCode(404);
        editor().get("/api/v1/articles/bad-link-" + t).then().statusCode(404);
    }

    @Test
    void shouldGiveClashingGeneratedSlugsSuffixesWithinOneImport() {
        String t = token();
        String line = "{\"headline\": \"Same import headline " + t + "\", \"status\": \"published\"}";
        JsonPath report = post(line + "\n" + line + "\n" + line);
        String base = "same-import-headline-" + t;
        assertEquals(List.of(base, base + "-2", base + "-3"), report.getList("lines.slug"));
    }

    @Test
    void shouldReplayAFailedBatchLineByLine() {
        String t = token();
        String taken = (String) created(article("Slug owner " + t)).get("slug");
        // the same new slug twice in one batch: the first creates it, the second updates it
        String twice = "{\"slug\": \"dup-" + t + "\", \"headline\": \"First " + t + "\"}\n" + "{\"slug\": \"dup-" + t
                + "\", \"headline\": \"Second " + t + "\"}";
        JsonPath report = post(twice + "\n{\"slug\": \"" + taken + "\", \"headline\": \"Updates the owner\"}");
        assertEquals(List.of("created", "updated", "updated"), report.getList("lines.result"));
        editor().get("/api/v1/articles/dup-" + t).then().statusCode(200).body("headline", equalTo("Second " + t));
        String ownerId =
                editor().get("/api/v1/articles/" + taken).then().extract().path("id");
        JsonPath self = post("{\"slug\": \"" + taken
                + "\", \"headline\": \"Self\", \"relatedLinks\": [{\"articleId\": \"" + ownerId + "\"}]}");
        assertEquals("relatedLinks[0].articleId", self.getString("lines[0].errors[0].field"));
    }

    @Test
    void shouldRequireNdjsonAndAnEditor() {
        given().contentType("application/x-ndjson")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(401);
        editor().contentType("application/json")
                .body("{}")
                .post("/api/v1/articles/import")
                .then()
                .statusCode(415);
        JsonPath empty = post("");
        assertEquals(Map.of("lines", 0, "created", 0, "updated", 0, "failed", 0), empty.getMap("totals"));
        given().get("/q/openapi?format=json")
                .then()
                .body("paths.'/api/v1/articles/import'.post.operationId", equalTo("importArticles"));
        editor().contentType("application/x-ndjson")
                .body("{\"headline\": \"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(200)
                .body("lines[0].errors.field", hasItem("headline"));
    }

    @Test
    void shouldApplyLinesOfOneSlugInFileOrderAcrossConcurrentBatches() {
        String t = token();
        // 1,201 lines: three batches, written by two writers at once. Line 1 and line 1,201 name the same slug, so
        // their batches must not run side by side; lines without a slug but with one headline share a slug family
        StringBuilder ndjson = new StringBuilder();
        ndjson.append("{\"slug\": \"order-").append(t).append("\", \"headline\": \"First version\"}\n");
        for (int i = 2; i <= 1200; i++) {
            ndjson.append(
                            i % 400 == 0
                                    ? "{\"headline\": \"Family " + t + "\"}"
                                    : "{\"headline\": \"Filler " + i + " " + t
                                            + "\", \"status\": \"published\", \"tags\": [\"Filler tag " + (i % 7) + " "
                                            + t + "\"]}")
                    .append('\n');
        }
        ndjson.append("{\"slug\": \"order-").append(t).append("\", \"headline\": \"Last version\"}");
        JsonPath report = post(ndjson.toString());
        assertEquals(Map.of("lines", 1201, "created", 1200, "updated", 1, "failed", 0), report.getMap("totals"));
        assertEquals("created", report.getString("lines[0].result"));
        assertEquals("updated", report.getString("lines[1200].result"));
        editor().get("/api/v1/articles/order-" + t)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Last version"))
                .body("version", equalTo(2));
        // the three "Family" lines, one per batch, got three distinct slugs
        String family = "family-" + t;
        assertEquals(
                List.of(family, family + "-2", family + "-3"),
                List.of(
                        report.getString("lines[399].slug"),
                        report.getString("lines[799].slug"),
                        report.getString("lines[1199].slug")));
        // a tag created ahead of the batches is on its articles, once
        given().get("/api/v1/tags/filler-tag-3-" + t).then().statusCode(200).body("articleCount", equalTo(171));
        given().queryParam("tag", "filler-tag-3-" + t)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("page.totalItems", equalTo(171));
    }

    @Test
    void shouldNotLeaveBehindTagsCreatedForLinesThatFailed() {
        String t = token();
        // a link to an article that does not exist fails in the database, after the import created the line's tag
        String ghost = "{\"headline\": \"Ghost " + t + "\", \"tags\": [\"Only ghost " + t + "\", \"Shared " + t
                + "\"], \"relatedLinks\": [{\"articleId\": \"0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11\"}]}";
        String fine = "{\"headline\": \"Fine " + t + "\", \"tags\": [\"Shared " + t + "\"]}";
        JsonPath report =
                post(ghost + "\n" + fine + "\n{\"headline\": \"No letters " + t + "\", \"tags\": [\"ok\", \"--\"]}");
        assertEquals(List.of("error", "created", "error"), report.getList("lines.result"));
        assertEquals("tags[1]", report.getString("lines[2].errors[0].field"));
        given().get("/api/v1/tags/only-ghost-" + t).then().statusCode(404);
        given().get("/api/v1/tags/shared-" + t).then().statusCode(200);
    }

    @Test
    void shouldRefuseLinesBeyondTheTenThousandthAndStillReportThem() {
        // 10,000 lines that fail validation (cheap: nothing reaches the database), then one more that is valid
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            ndjson.append("{\"headline\": \"\"}\n");
        }
        String t = token();
        ndjson.append("{\"headline\": \"Line ten thousand and one ").append(t).append("\"}\n");
        JsonPath report = post(ndjson.toString());
        assertEquals(Map.of("lines", 10_001, "created", 0, "updated", 0, "failed", 10_001), report.getMap("totals"));
        assertEquals(10_001, report.getInt("lines[10000].line"));
        assertEquals("(line)", report.getString("lines[10000].errors[0].field"));
        editor().get("/api/v1/articles/line-ten-thousand-and-one-" + t).then().statusCode(404);
    }
}
