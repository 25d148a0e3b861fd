package app.newsroom.article;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.changesHead;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SyndicationTest {

    private static String typeOf(String role, String since, String id) {
        List<Map<String, Object>> changes = as(role).queryParam("since", since)
                .queryParam("limit", "1000")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("changes");
        return changes.stream()
                .filter(c -> id.equals(c.get("articleId")))
                .map(c -> (String) c.get("type"))
                .findFirst()
                .orElse("absent");
    }

    @Test
    void shouldKeepWhatPartnersMayNotRepublishOffTheirSurfaces() {
        String t = token();
        String partnerStart = changesHead("partner");
        String editorStart = changesHead("editor");
        Map<String, Object> staffOnly = created(with(
                article("Staff only " + t), "syndication", Map.of("allowed", false, "note", "Our reporting only")));
        assertEquals(
                Map.of("allowed", false, "territories", List.of(), "note", "Our reporting only"),
                staffOnly.get("syndication"));
        Map<String, Object> regional = created(with(
                article("Regional " + t), "syndication", Map.of("allowed", true, "territories", List.of("DE", "AT"))));
        assertEquals(List.of("DE", "AT"), ((Map<?, ?>) regional.get("syndication")).get("territories"));
        Map<String, Object> plain = created(article("Anyone " + t));
        assertEquals(true, ((Map<?, ?>) plain.get("syndication")).get("allowed"));
        String restricted = (String) staffOnly.get("id");

        assertEquals("delete", typeOf("partner", partnerStart, restricted));
        assertEquals("upsert", typeOf("partner", partnerStart, (String) regional.get("id")));
        assertEquals("upsert", typeOf("editor", editorStart, restricted));

        as(null).get("/api/v1/feeds/json").then().body("items.id", hasItem("urn:uuid:" + restricted));
        as("partner").get("/api/v1/feeds/json").then().body("items.id", not(hasItem("urn:uuid:" + restricted)));
        as("partner").get("/api/v1/feeds/json").then().body("items.id", hasItem("urn:uuid:" + regional.get("id")));
        as("editor").get("/api/v1/feeds/rss").then().statusCode(200);
        // the public still reads it: rights are about republishing, not reading
        as(null).get("/api/v1/articles/" + restricted).then().statusCode(200);

        String before = changesHead("partner");
        editor().contentType("application/merge-patch+json")
                .body("{\"syndication\": {\"allowed\": true}}")
                .patch("/api/v1/articles/" + restricted)
                .then()
                .statusCode(200)
                .body("syndication.allowed", equalTo(true))
                .body("syndication.note", equalTo("Our reporting only"));
        assertEquals("upsert", typeOf("partner", before, restricted));
    }

    @Test
    void shouldNameTheFieldOfBadRights() {
        record Bad(Object syndication, String field) {}
        for (Bad bad : List.of(
                new Bad(Map.of("allowed", true, "territories", List.of("XX")), "syndication.territories[0]"),
                new Bad(Map.of("allowed", true, "territories", List.of("de")), "syndication.territories[0]"),
                new Bad(Map.of("territories", List.of("DE")), "syndication.allowed"),
                new Bad(Map.of("allowed", "yes"), "syndication.allowed"))) {
            editor().contentType(ContentType.JSON)
                    .body(with(article("Bad rights " + token()), "syndication", bad.syndication()))
                    .post("/api/v1/articles")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem(bad.field()));
        }
    }
}
