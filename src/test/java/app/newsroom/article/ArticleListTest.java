package app.newsroom.article;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ArticleListTest {

    static String t;
    static String a;
    static String b;
    static String c;

    /** Five articles: tags a,b / a / b / c (draft) / a,c (archived), one scheduled; distinct dates and sections. */
    @BeforeEach
    void createArticlesOnce() {
        if (t != null) {
            return;
        }
        t = token();
        a = "alpha-" + t;
        b = "beta-" + t;
        c = "gamma-" + t;
        make("One " + t, List.of(a, b), "world/middle-east", "en", "Ann Writer", "published", "2024-01-10T10:00:00Z");
        make("Two " + t, List.of(a), "world/europe", "fr", "Bob Writer", "published", "2024-02-10T10:00:00Z");
        make("Three " + t, List.of(b), "sport", "en", "Ann Writer", "published", "2024-03-10T10:00:00Z");
        make("Four " + t, List.of(c), "world", "en", "Ann Writer", "draft", null);
        make("Five " + t, List.of(a, c), "world", "en", "Ann Writer", "archived", "2024-04-10T10:00:00Z");
        make("Six " + t, List.of(a), "world", "en", "Ann Writer", "published", "2999-01-01T00:00:00Z");
        make("Seven " + t, List.of(a), "worldwide", "en", "Ann Writer", "published", "2024-05-10T10:00:00Z");
    }

    private void make(
            String headline,
            List<String> tags,
            String section,
            String language,
            String byline,
            String status,
            String publishedAt) {
        Map<String, Object> article = article(headline);
        article.put("tags", tags);
        article.put("section", section);
        article.put("language", language);
        article.put("byline", byline);
        article.put("status", status);
        if (publishedAt != null) {
            article.put("publishedAt", publishedAt);
        }
        created(article);
    }

    @Test
    void shouldListPublishedNewestFirstInSummaryFormWithEnvelope() {
        given().queryParam("tag", a + "|" + b)
                .when()
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.headline", contains("Seven " + t, "Three " + t, "Two " + t, "One " + t))
                .body("items[0]", not(hasKey("body")))
                .body("items[0].tags", notNullValue())
                .body("items[0].relatedLinks", notNullValue())
                .body("page.number", equalTo(1))
                .body("page.size", equalTo(20))
                .body("page.totalItems", equalTo(4))
                .body("page.totalPages", equalTo(1))
                .header("ETag", notNullValue());
    }

    @Test
    void shouldCombineTagsWithCommaAsAndAndPipeAsOr() {
        given().queryParam("tag", a + "," + b)
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("One " + t));
        given().queryParam("tag", a + "|" + b).get("/api/v1/articles").then().body("page.totalItems", equalTo(4));
        given().queryParam("tag", b + "," + a + "|" + c)
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("One " + t));
        given().queryParam("tag", a + ",unknown-tag-" + t)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("page.totalItems", equalTo(0));
        given().queryParam("tag", a + "|unknown-tag-" + t)
                .get("/api/v1/articles")
                .then()
                .body("page.totalItems", equalTo(3));
        given().queryParam("tag", a + ",,b")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tag"));
        given().queryParam("tag", "Not A Slug").get("/api/v1/articles").then().statusCode(400);
    }

    @Test
    void shouldFilterBySectionPrefixLanguageBylineAndDates() {
        String tags = a + "|" + b;
        given().queryParams(Map.of("tag", tags, "section", "world"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Two " + t, "One " + t));
        given().queryParams(Map.of("tag", tags, "section", "world/europe"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Two " + t));
        given().queryParams(Map.of("tag", tags, "language", "fr"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Two " + t));
        given().queryParams(Map.of("tag", tags, "byline", "ann writer"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Seven " + t, "Three " + t, "One " + t));
        given().queryParams(Map.of("tag", tags, "from", "2024-02-10", "to", "2024-03-10"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Three " + t, "Two " + t));
        given().queryParams(Map.of("tag", tags, "from", "2024-02-10T10:00:01Z"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Seven " + t, "Three " + t));
        given().queryParams(Map.of("from", "last week"))
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParams(Map.of("section", "World"))
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("section"));
    }

    @Test
    void shouldOrderByOldestAndUpdated() {
        given().queryParams(Map.of("tag", a + "|" + b, "orderBy", "oldest"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("One " + t, "Two " + t, "Three " + t, "Seven " + t));
        given().queryParams(Map.of("tag", a + "|" + b, "orderBy", "updated"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Seven " + t, "Three " + t, "Two " + t, "One " + t));
        given().queryParams(Map.of("orderBy", "random"))
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("orderBy"))
                .body("errors[0].message", containsString("newest, oldest, updated"));
    }

    @Test
    void shouldListDraftsArchivedAndAnyStatusWhenAsked() {
        editor().queryParams(Map.of("tag", a + "|" + c, "status", "draft"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Four " + t));
        editor().queryParams(Map.of("tag", a + "|" + c, "status", "archived"))
                .get("/api/v1/articles")
                .then()
                .body("items.headline", contains("Five " + t));
        editor().queryParams(Map.of("tag", a + "|" + c, "status", "any"))
                .get("/api/v1/articles")
                .then()
                .body("page.totalItems", equalTo(6))
                .body("items.headline", hasItem("Six " + t));
        editor().queryParams(Map.of("status", "deleted"))
                .get("/api/v1/articles")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldPageWithLinkHeaderAndLimits() {
        String tags = a + "|" + b;
        var second = given().queryParams(Map.of("tag", tags, "pageSize", "1", "page", "2"))
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.headline", contains("Three " + t))
                .body("page.totalPages", equalTo(4))
                .extract()
                .header("Link");
        Assertions.assertTrue(second.contains("page=1>; rel=\"first\""), second);
        Assertions.assertTrue(second.contains("page=1>; rel=\"prev\""), second);
        Assertions.assertTrue(second.contains("page=3>; rel=\"next\""), second);
        Assertions.assertTrue(second.contains("page=4>; rel=\"last\""), second);
        Assertions.assertTrue(second.contains("tag="), second);
        given().queryParams(Map.of("tag", tags, "pageSize", "1", "page", "9"))
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("page.totalItems", equalTo(4));
        given().queryParam("pageSize", "101")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pageSize"));
        given().queryParam("pageSize", "0").get("/api/v1/articles").then().statusCode(400);
        given().queryParam("page", "0").get("/api/v1/articles").then().statusCode(400);
        given().queryParam("page", "x")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParams(Map.of("page", "101", "pageSize", "100"))
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"))
                .body("detail", containsString("/api/v1/changes"));
        given().queryParams(Map.of("page", "100", "pageSize", "100"))
                .get("/api/v1/articles")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswer304ForAnUnchangedListAnd200AfterAChange() {
        String d = "delta-" + t;
        created(with(article("Eight " + t), "tags", List.of(d)));
        String etag = given().queryParam("tag", d)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().queryParam("tag", d)
                .header("If-None-Match", etag)
                .get("/api/v1/articles")
                .then()
                .statusCode(304);
        created(with(article("Nine " + t), "tags", List.of(d)));
        given().queryParam("tag", d)
                .header("If-None-Match", etag)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.headline", contains("Nine " + t, "Eight " + t));
    }

    @Test
    void shouldCountPublishedArticlesPerSection() {
        String section = "test-" + t + "/sub";
        created(with(article("S1 " + t), "section", section));
        created(with(article("S2 " + t), "section", section));
        created(with(with(article("S3 " + t), "section", section), "status", "draft"));
        given().get("/api/v1/sections")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("items.find { it.slug == '" + section + "' }.articleCount", equalTo(2))
                .body("items.slug", hasItem("world/middle-east"))
                .body("items.slug", not(hasItem((Object) null)));
        String etag = given().get("/api/v1/sections").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/sections").then().statusCode(304);
        given().queryParam("tag", a + "|" + b)
                .get("/api/v1/articles")
                .then()
                .body("items.section", containsInAnyOrder("worldwide", "sport", "world/europe", "world/middle-east"));
    }
}
