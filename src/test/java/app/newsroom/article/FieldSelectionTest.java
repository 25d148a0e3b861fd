package app.newsroom.article;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code fields=}: only the fields asked for, {@code id} always, a 400 naming unknown ones, an ETag of its own. */
@QuarkusTest
class FieldSelectionTest {

    /** A word of letters only, so that search finds it as one word. */
    private static String word() {
        StringBuilder w = new StringBuilder("quill");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static Map<String, Object> story(String word) {
        return with(
                with(article("Harbour " + word + " reopens"), "mainImage", ArticleImageTest.photo()),
                "tags",
                List.of("Sel " + word, "Common " + word));
    }

    @Test
    void shouldAnswerAListWithOnlyTheSelectedFieldsOfEachItem() {
        String w = word();
        created(story(w));
        created(story(w));
        Response r = as(null).queryParam("tag", "sel-" + w)
                .queryParam("fields", "slug,headline,mainImage,publishedAt")
                .get("/api/v1/articles");
        r.then().statusCode(200).body("page.totalItems", equalTo(2));
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        assertEquals(2, items.size());
        for (Map<String, Object> item : items) {
            assertEquals(Set.of("id", "slug", "headline", "mainImage", "publishedAt"), item.keySet());
            assertEquals(4, ((List<?>) ((Map<?, ?>) item.get("mainImage")).get("renditions")).size());
        }
        Response whole = as(null).queryParam("tag", "sel-" + w).get("/api/v1/articles");
        assertNotEquals(whole.header("ETag"), r.header("ETag"));
        assertEquals(whole.jsonPath().getList("items.headline"), r.jsonPath().getList("items.headline"));
    }

    @Test
    void shouldAnswerOneArticleWithOnlyTheSelectedFieldsAndItsOwnEtag() {
        String id = (String) created(story(word())).get("id");
        Response selected = as(null).queryParam("fields", "headline").get("/api/v1/articles/" + id);
        selected.then().statusCode(200);
        assertEquals(Set.of("id", "headline"), selected.jsonPath().getMap("$").keySet());
        String wholeTag = as(null).get("/api/v1/articles/" + id).header("ETag");
        String selectedTag = selected.header("ETag");
        assertNotEquals(wholeTag, selectedTag, "a selection is a representation of its own");
        as(null).queryParam("fields", "headline")
                .header("If-None-Match", selectedTag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(304);
        as(null).queryParam("fields", "headline")
                .header("If-None-Match", wholeTag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        // the same names in another order are the same selection
        assertEquals(
                selectedTag,
                as(null).queryParam("fields", "headline,id")
                        .get("/api/v1/articles/" + id)
                        .header("ETag"));
    }

    @Test
    void shouldNameUnknownFieldsIn400() {
        as(null).queryParam("fields", "headline,bodyy,Secret")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("fields"))
                .body("errors[0].message", containsString("unknown fields bodyy, Secret"));
        as(null).queryParam("fields", "headline,,slug")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fields"));
        // a summary has no body: selecting it from a list is an unknown field
        as(null).queryParam("fields", "body")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("unknown field body"));
        String id = (String) created(story(word())).get("id");
        as(null).queryParam("fields", "headline")
                .queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fields"));
        as(null).queryParam("fields", "nope")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fields"));
    }

    @Test
    void shouldSelectFieldsOfSearchHitsAndRelatedArticles() {
        String w = word();
        String first = (String) created(story(w)).get("id");
        String second = (String) created(story(w)).get("id");
        Response hits = as(null).queryParam("q", w)
                .queryParam("fields", "headline,highlights")
                .get("/api/v1/search");
        hits.then().statusCode(200).body("items.id", hasItem(second));
        for (Map<String, Object> item : hits.jsonPath().<Map<String, Object>>getList("items")) {
            assertEquals(Set.of("id", "headline", "highlights"), item.keySet());
        }
        as(null).queryParam("q", w)
                .queryParam("fields", "score,snippet")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("unknown field snippet"));
        Response related =
                as(null).queryParam("fields", "slug,sharedTags").get("/api/v1/articles/" + first + "/related");
        related.then().statusCode(200).body("items.id", hasItem(second));
        for (Map<String, Object> item : related.jsonPath().<Map<String, Object>>getList("items")) {
            assertEquals(Set.of("id", "slug", "sharedTags"), item.keySet());
        }
    }
}
