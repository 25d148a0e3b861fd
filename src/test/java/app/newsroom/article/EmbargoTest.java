package app.newsroom.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.changesHead;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EmbargoTest {

    @Test
    void shouldGivePartnersAnEmbargoedArticleAtOnceAndThePublicAtItsTime() throws Exception {
        String t = token();
        String start = changesHead("partner");
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> a = created(with(
                with(article("Held for partners " + t), "embargoedUntil", until.toString()),
                "tags",
                List.of("Hold " + t)));
        String id = (String) a.get("id");
        assertEquals(until.toString(), a.get("embargoedUntil"));
        assertEquals(until.toString(), a.get("publishedAt"), "the public's time is the embargo's end");

        // the public: nothing, anywhere
        as(null).get("/api/v1/articles/" + id).then().statusCode(404);
        as(null).queryParam("tag", "hold-" + t).get("/api/v1/articles").then().body("items.id", not(hasItem(id)));
        as(null).get("/api/v1/feeds/json").then().body("items.id", not(hasItem("urn:uuid:" + id)));

        // partners: the article, marked
        as("partner")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("embargoedUntil", equalTo(until.toString()));
        as("partner").get("/api/v1/feeds/json").then().body("items.id", hasItem("urn:uuid:" + id));
        List<Map<String, Object>> changes = as("partner")
                .queryParam("since", start)
                .queryParam("limit", "1000")
                .get("/api/v1/changes")
                .jsonPath()
                .getList("changes");
        Map<String, Object> change = changes.stream()
                .filter(c -> id.equals(c.get("articleId")))
                .findFirst()
                .orElseThrow();
        assertEquals("upsert", change.get("type"));
        assertEquals(until.toString(), ((Map<?, ?>) change.get("article")).get("embargoedUntil"));
        String ninjs = as("partner")
                .queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("withheld"))
                .body("embargoed", equalTo(until.toString()))
                .extract()
                .asString();
        NinjsTest.assertNinjs(ninjs);

        // at its time the public sees it, without a write
        Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 300);
        as(null).get("/api/v1/articles/" + id).then().statusCode(200);
        as(null).queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .body("pubstatus", equalTo("usable"));
        as(null).get("/api/v1/feeds/json").then().body("items.id", hasItem("urn:uuid:" + id));
    }

    @Test
    void shouldNameABadEmbargo() {
        as("editor")
                .contentType("application/json")
                .body(with(article("Bad hold " + token()), "embargoedUntil", "tomorrow"))
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("embargoedUntil"));
    }
}
