package app.newsroom.tag;

import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TagResourceTest {

    private static Response post(Map<String, Object> tag) {
        return editor().contentType(ContentType.JSON).body(tag).when().post("/api/v1/tags");
    }

    @Test
    void shouldCreateReadAndConflictOnSlug() {
        String t = token();
        post(Map.of("name", "Vladimir Putin " + t, "type", "person", "description", "President of Russia"))
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/tags/vladimir-putin-" + t))
                .header("ETag", notNullValue())
                .body("slug", equalTo("vladimir-putin-" + t))
                .body("type", equalTo("person"))
                .body("articleCount", equalTo(0))
                .body("createdAt", notNullValue());
        given().get("/api/v1/tags/vladimir-putin-" + t)
                .then()
                .statusCode(200)
                .body("name", equalTo("Vladimir Putin " + t))
                .body("description", equalTo("President of Russia"));
        post(Map.of("name", "Putin again", "slug", "vladimir-putin-" + t))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
        post(Map.of("name", "Vladimir Putin " + t)).then().statusCode(409);
        post(Map.of("name", "Тарту́с " + t))
                .then()
                .statusCode(201)
                .body("type", equalTo("topic"))
                .body("slug", equalTo("tartus-" + t));
    }

    @Test
    void shouldValidateTags() {
        post(Map.of("name", "")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        post(Map.of("name", "x", "type", "animal"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("must be one of topic, person, place, organization, event"));
        post(Map.of("name", "x", "slug", "Bad Slug")).then().statusCode(400).body("errors[0].field", equalTo("slug"));
        post(Map.of("name", "!!!")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().get("/api/v1/tags/no-such-tag-" + token())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/tags/Bad%20Slug").then().statusCode(404);
    }

    @Test
    void shouldReplaceWithPutHonouringIfMatchAndPathSlug() {
        String t = token();
        String slug = post(Map.of("name", "Hmeimim " + t, "type", "place"))
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
        String etag = given().get("/api/v1/tags/" + slug).then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/tags/" + slug).then().statusCode(304);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Hmeimim air base " + t, "type", "place"))
                .header("If-Match", etag)
                .put("/api/v1/tags/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo("Hmeimim air base " + t))
                .body("slug", equalTo(slug))
                .body("description", nullValue());
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Stale", "type", "place"))
                .header("If-Match", etag)
                .put("/api/v1/tags/" + slug)
                .then()
                .statusCode(412);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Other", "slug", "other-" + t))
                .put("/api/v1/tags/" + slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody"))
                .put("/api/v1/tags/nobody-" + t)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldMatchArticleTagsByNameOrSlugAndCountOnlyPublished() {
        String t = token();
        String slug = post(Map.of("name", "Syria " + t, "type", "place"))
                .then()
                .extract()
                .path("slug");
        created(with(article("Tagged by name " + t), "tags", List.of("Syria " + t)));
        created(with(article("Tagged by slug " + t), "tags", List.of(slug)));
        created(with(with(article("Draft " + t), "tags", List.of(slug)), "status", "draft"));
        given().get("/api/v1/tags/" + slug)
                .then()
                .body("articleCount", equalTo(2))
                .body("type", equalTo("place"));
        given().queryParam("tag", slug)
                .get("/api/v1/articles")
                .then()
                .body("page.totalItems", equalTo(2))
                .body("items[0].tags[0].name", equalTo("Syria " + t));
    }

    @Test
    void shouldDeleteTagAndDetachItFromArticles() {
        String t = token();
        Map<String, Object> a = created(with(article("Detach " + t), "tags", List.of("Keep " + t, "Drop " + t)));
        editor().header("If-Match", "\"stale\"")
                .delete("/api/v1/tags/drop-" + t)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        String etag = given().get("/api/v1/tags/drop-" + t).then().extract().header("ETag");
        editor().header("If-Match", etag)
                .delete("/api/v1/tags/drop-" + t)
                .then()
                .statusCode(204)
                .body(emptyOrNullString());
        given().get("/api/v1/tags/drop-" + t).then().statusCode(404);
        editor().delete("/api/v1/tags/drop-" + t).then().statusCode(404);
        given().get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200)
                .body("tags.slug", contains("keep-" + t))
                .body("version", equalTo(2));
    }

    @Test
    void shouldSearchByPrefixAndFuzzilyAndFilterByType() {
        String t = token();
        post(Map.of("name", "Tartous " + t, "type", "place"));
        post(Map.of("name", "Tartous Port Authority " + t, "type", "organization"));
        given().queryParam("q", "tartous " + t.substring(0, 4))
                .get("/api/v1/tags")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem("tartous-" + t));
        given().queryParams(Map.of("q", "tartous " + t, "type", "organization"))
                .get("/api/v1/tags")
                .then()
                .body("items.slug", contains("tartous-port-authority-" + t));
        // a typo still finds it
        given().queryParam("q", "tartus " + t).get("/api/v1/tags").then().body("items.slug", hasItem("tartous-" + t));
        given().queryParam("type", "animal")
                .get("/api/v1/tags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().queryParam("orderBy", "random")
                .get("/api/v1/tags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("orderBy"));
    }

    @Test
    void shouldOrderByPopularityAndName() {
        String t = token();
        post(Map.of("name", "Zz rare " + t));
        post(Map.of("name", "Aa common " + t));
        created(with(article("P1 " + t), "tags", List.of("zz-rare-" + t, "aa-common-" + t)));
        created(with(article("P2 " + t), "tags", List.of("zz-rare-" + t)));
        given().queryParams(Map.of("q", t, "orderBy", "popular"))
                .get("/api/v1/tags")
                .then()
                .body("items.slug", contains("zz-rare-" + t, "aa-common-" + t))
                .body("items.articleCount", contains(2, 1));
        given().queryParams(Map.of("q", t, "orderBy", "name"))
                .get("/api/v1/tags")
                .then()
                .body("items.slug", contains("aa-common-" + t, "zz-rare-" + t))
                .header("Link", notNullValue())
                .header("ETag", notNullValue())
                .body("page.totalItems", equalTo(2));
        given().queryParams(Map.of("pageSize", "1000"))
                .get("/api/v1/tags")
                .then()
                .statusCode(400);
        given().get("/api/v1/tags").then().statusCode(200).body("items", not(Matchers.empty()));
    }
}
