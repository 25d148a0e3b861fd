package app.newsroom.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.create;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.createdId;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void shouldCreateArticleWithLocationEtagAndFullForm() {
        String t = token();
        Map<String, Object> a = with(
                article("Syria's interim president meets Putin " + t), "tags", List.of("Syria", "Vladimir Putin " + t));
        a.put("body", "<p>Talks in <strong>Moscow</strong> on the port at Tartous.</p>");
        var response = create(a)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", notNullValue())
                .header("ETag", startsWith("\""))
                .header("Last-Modified", notNullValue())
                .body("id", notNullValue())
                .body("slug", equalTo("syrias-interim-president-meets-putin-" + t))
                .body("headline", equalTo("Syria's interim president meets Putin " + t))
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue())
                .body("version", equalTo(1))
                .body("wordCount", equalTo(8))
                .body("body", equalTo("<p>Talks in <strong>Moscow</strong> on the port at Tartous.</p>"))
                .body("tags.slug", hasItem("vladimir-putin-" + t))
                .body("tags.find { it.slug == 'vladimir-putin-" + t + "' }.type", equalTo("topic"))
                .extract();
        String id = response.path("id");
        Assertions.assertTrue(response.header("Location").endsWith("/api/v1/articles/" + id));
        given().when()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(response.header("ETag")))
                .body("headline", equalTo("Syria's interim president meets Putin " + t));
    }

    @Test
    void shouldDefaultToDraftAndHideDraftsFromThePublic() {
        Map<String, Object> a = article("Draft story " + token());
        a.remove("status");
        Map<String, Object> draft = created(a);
        assertEquals("draft", draft.get("status"));
        assertEquals(null, draft.get("publishedAt"));
        given().when()
                .get("/api/v1/articles/" + draft.get("id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().when().get("/api/v1/articles/" + draft.get("slug")).then().statusCode(404);
    }

    @Test
    void shouldHideScheduledArticlesUntilTheirTime() {
        String future = Instant.now()
                .plus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Map<String, Object> scheduled = created(with(article("Scheduled " + token()), "publishedAt", future));
        assertEquals("published", scheduled.get("status"));
        assertEquals(future, scheduled.get("publishedAt"));
        given().when().get("/api/v1/articles/" + scheduled.get("slug")).then().statusCode(404);
    }

    @Test
    void shouldSanitizeHtmlBody() {
        Map<String, Object> a = article("Sanitized " + token());
        a.put(
                "body",
                "<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                        + "<a href=\"https://example.org/a\">ok</a><img src=\"https://example.org/i.png\" onerror=\"x()\">"
                        + "<img src=\"data:image/png;base64,AAAA\"><iframe src=\"https://evil\"></iframe></p>");
        String body = (String) created(a).get("body");
        Assertions.assertFalse(body.contains("script"), body);
        Assertions.assertFalse(body.contains("onclick"), body);
        Assertions.assertFalse(body.contains("onerror"), body);
        Assertions.assertFalse(body.contains("javascript:"), body);
        Assertions.assertFalse(body.contains("data:"), body);
        Assertions.assertFalse(body.contains("iframe"), body);
        Assertions.assertTrue(body.contains("<a href=\"https://example.org/a\""), body);
        Assertions.assertTrue(body.contains("<img src=\"https://example.org/i.png\">"), body);
    }

    @Test
    void shouldTransliterateNonLatinHeadlinesIntoSlugs() {
        String t = token();
        assertEquals(
                "vstreca-v-moskve-" + t,
                created(article("Встреча в Москве " + t)).get("slug"));
        String arabic = (String) created(article("الرئيس السوري في موسكو " + t)).get("slug");
        Assertions.assertTrue(arabic.matches("[a-z0-9]+(-[a-z0-9]+)*"), arabic);
        Assertions.assertTrue(arabic.endsWith("-" + t) && arabic.length() > t.length() + 5, arabic);
        assertEquals("cafe-deja-vu-" + t, created(article("Café déjà vu " + t)).get("slug"));
    }

    @Test
    void shouldSuffixGeneratedSlugsOnClashAndAnswer409ForTakenClientSlug() {
        String headline = "Same headline " + token();
        String first = (String) created(article(headline)).get("slug");
        String second = (String) created(article(headline)).get("slug");
        String third = (String) created(article(headline)).get("slug");
        assertEquals(first + "-2", second);
        assertEquals(first + "-3", third);
        create(with(article("Other headline"), "slug", first))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("detail", containsString(first));
    }

    @Test
    void shouldAnswer304ForMatchingIfNoneMatchAndIfModifiedSince() {
        Map<String, Object> a = created(article("Conditional " + token()));
        var first = given().when()
                .get("/api/v1/articles/" + a.get("slug"))
                .then()
                .statusCode(200)
                .extract();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        given().header("If-None-Match", etag)
                .when()
                .get("/api/v1/articles/" + a.get("slug"))
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyOrNullString());
        given().header("If-None-Match", "\"other\", " + etag)
                .when()
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"")
                .when()
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200);
        given().header("If-Modified-Since", lastModified)
                .when()
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(304);
        given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                .when()
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200);
    }

    @Test
    void shouldReplaceWithPutAndIncrementVersion() {
        Map<String, Object> a = created(article("Before " + token()));
        String id = (String) a.get("id");
        String etag = given().get("/api/v1/articles/" + id).then().extract().header("ETag");
        Map<String, Object> replacement = article("After replacement");
        replacement.put("tags", List.of("Replaced tag"));
        replacement.remove("standfirst");
        var put = editor().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(replacement)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("After replacement"))
                .body("slug", equalTo(a.get("slug")))
                .body("standfirst", nullValue())
                .body("version", equalTo(2))
                .body("tags.slug", contains("replaced-tag"))
                .body("publishedAt", equalTo(a.get("publishedAt")))
                .extract();
        assertNotEquals(etag, put.header("ETag"));
        // the old ETag is now stale
        editor().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(replacement)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
        // a weak tag never satisfies If-Match
        editor().contentType(ContentType.JSON)
                .header("If-Match", "W/" + put.header("ETag"))
                .body(replacement)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(412);
        editor().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(replacement)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
    }

    @Test
    void shouldAnswer400WhenBodyIdDisagreesWithPath() {
        String id = createdId(article("Id mismatch " + token()));
        Map<String, Object> body = with(article("Other"), "id", "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11");
        editor().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        editor().contentType("application/merge-patch+json")
                .body("{\"id\":\"0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11\"}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        // the same id is fine, and read-only fields sent back from a GET are ignored
        Map<String, Object> same = with(article("Same id"), "id", id);
        same.put("version", 99);
        same.put("createdAt", "2001-01-01T00:00:00Z");
        editor().contentType(ContentType.JSON)
                .body(same)
                .when()
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        create(with(article("Id on create"), "id", id)).then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldAnswer404ForWritesToUnknownArticles() {
        editor().contentType(ContentType.JSON)
                .body(article("x"))
                .when()
                .put("/api/v1/articles/0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        editor().contentType(ContentType.JSON)
                .body(article("x"))
                .when()
                .put("/api/v1/articles/not-a-uuid")
                .then()
                .statusCode(404);
        editor().contentType("application/merge-patch+json")
                .body("{}")
                .when()
                .patch("/api/v1/articles/0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11")
                .then()
                .statusCode(404);
        editor().when()
                .delete("/api/v1/articles/0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldMergePatchAndRevalidateTheResult() {
        Map<String, Object> a = created(with(article("Patch me " + token()), "tags", List.of("Alpha", "Beta")));
        String id = (String) a.get("id");
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\":\"Patched headline\",\"standfirst\":null}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Patched headline"))
                .body("standfirst", nullValue())
                .body("byline", equalTo("Staff reporter"))
                .body("tags.slug", contains("alpha", "beta"))
                .body("version", equalTo(2))
                .header("ETag", notNullValue());
        // the merged result must still be a valid article
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\":null}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("headline"));
        editor().contentType("application/merge-patch+json")
                .body("{\"section\":\"Not A Slug\"}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("section"));
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"gone\"}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        editor().contentType("application/merge-patch+json")
                .body("[1,2]")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400);
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\": ")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("type", endsWith("malformed-json"));
        editor().contentType("application/merge-patch+json")
                .header("If-Match", "\"stale\"")
                .body("{\"byline\":\"X\"}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(412);
        given().get("/api/v1/articles/" + id)
                .then()
                .body("headline", equalTo("Patched headline"))
                .body("version", equalTo(2));
    }

    @Test
    void shouldUnpublishWithPatch() {
        Map<String, Object> a = created(article("Unpublish " + token()));
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"archived\"}")
                .when()
                .patch("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("archived"));
        given().get("/api/v1/articles/" + a.get("id")).then().statusCode(404);
    }

    @Test
    void shouldDeleteAndThenAnswer404() {
        String id = createdId(article("Delete me " + token()));
        editor().header("If-Match", "\"stale\"")
                .when()
                .delete("/api/v1/articles/" + id)
                .then()
                .statusCode(412);
        editor().when().delete("/api/v1/articles/" + id).then().statusCode(204).body(emptyOrNullString());
        given().when().get("/api/v1/articles/" + id).then().statusCode(404);
        editor().when().delete("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void shouldKeepRelatedLinksInOrderAndResolveInternalTargetsWhenRead() {
        String t = token();
        Map<String, Object> target = created(article("Drought story " + t));
        Map<String, Object> a = article("With links " + t);
        a.put(
                "relatedLinks",
                List.of(
                        Map.of("title", "Elections", "url", "https://example.org/elections"),
                        Map.of("articleId", target.get("id")),
                        Map.of("title", "Charity", "url", "http://example.org/charity")));
        Map<String, Object> withLinks = created(a);
        String id = (String) withLinks.get("id");
        given().get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("relatedLinks", hasSize(3))
                .body("relatedLinks.position", contains(0, 1, 2))
                .body("relatedLinks[0].url", equalTo("https://example.org/elections"))
                .body("relatedLinks[0].article", nullValue())
                .body("relatedLinks[1].url", nullValue())
                .body("relatedLinks[1].title", equalTo("Drought story " + t))
                .body("relatedLinks[1].article.slug", equalTo(target.get("slug")))
                .body("relatedLinks[1].article.headline", equalTo("Drought story " + t));
        String etag = given().get("/api/v1/articles/" + id).then().extract().header("ETag");

        // renaming the target shows its new headline, and the linking article's ETag moves on
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\":\"Renamed drought story\"}")
                .when()
                .patch("/api/v1/articles/" + target.get("id"))
                .then()
                .statusCode(200);
        var renamed = given().get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("relatedLinks[1].title", equalTo("Renamed drought story"))
                .body("relatedLinks[1].article.headline", equalTo("Renamed drought story"))
                .extract();
        assertNotEquals(etag, renamed.header("ETag"));
        given().header("If-None-Match", etag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200);

        // an unpublished target drops out of the public form
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"draft\"}")
                .when()
                .patch("/api/v1/articles/" + target.get("id"))
                .then()
                .statusCode(200);
        given().get("/api/v1/articles/" + id)
                .then()
                .body("relatedLinks", hasSize(2))
                .body("relatedLinks.url", contains("https://example.org/elections", "http://example.org/charity"));

        // and a deleted one too
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"published\"}")
                .when()
                .patch("/api/v1/articles/" + target.get("id"))
                .then()
                .statusCode(200);
        given().get("/api/v1/articles/" + id).then().body("relatedLinks", hasSize(3));
        editor().delete("/api/v1/articles/" + target.get("id")).then().statusCode(204);
        given().get("/api/v1/articles/" + id).then().body("relatedLinks", hasSize(2));
    }

    @Test
    void shouldRejectInvalidRelatedLinksNamingTheField() {
        Map<String, Object> a = article("Bad links " + token());
        a.put(
                "relatedLinks",
                List.of(
                        Map.of("title", "ok", "url", "https://example.org"),
                        Map.of("title", "Script", "url", "javascript:alert(1)")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[1].url"));
        a.put("relatedLinks", List.of(Map.of("title", "Relative", "url", "/relative/path")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[0].url"));
        a.put("relatedLinks", List.of(Map.of("url", "https://example.org")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[0].title"));
        a.put("relatedLinks", List.of(Map.of("articleId", "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[0].articleId"));
        a.put(
                "relatedLinks",
                List.of(Map.of(
                        "articleId", "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11", "url", "https://x.org", "title", "t")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[0]"));
        a.put("relatedLinks", List.of(Map.of("articleId", "not-a-uuid")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks[0].articleId"));
        a.put("relatedLinks", Collections.nCopies(21, Map.of("title", "t", "url", "https://x.org")));
        create(a).then().statusCode(400).body("errors[0].field", equalTo("relatedLinks"));
        // linking to itself
        String id = createdId(article("Self " + token()));
        editor().contentType("application/merge-patch+json")
                .body("{\"relatedLinks\":[{\"articleId\":\"" + id + "\"}]}")
                .when()
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("relatedLinks[0].articleId"));
    }

    @Test
    void shouldValidateFieldsAndNameThemInErrors() {
        create(with(article(""), "headline", ""))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsroom:problem:validation"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", equalTo("/api/v1/articles"))
                .body("errors.field", hasItem("headline"));
        create(article("x".repeat(301))).then().statusCode(400).body("errors.field", hasItem("headline"));
        create(with(article("ok"), "standfirst", "s".repeat(1001)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("standfirst"));
        create(with(article("ok"), "section", "World/Middle East"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("section"));
        create(with(article("ok"), "language", "english!"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("language"));
        create(with(article("ok"), "slug", "Not A Slug")).then().statusCode(400).body("errors.field", hasItem("slug"));
        create(with(article("ok"), "slug", "a".repeat(121)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("slug"));
        create(with(article("ok"), "tags", List.of("ok", "")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tags[1]"));
        create(with(article("ok"), "tags", List.of("!!!")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tags[0]"));
        create(with(article("ok"), "publishedAt", "tomorrow"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("publishedAt"));
        create(with(article("ok"), "publishedAt", "+10000-01-01T00:00:00Z"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("publishedAt"));
        create(with(article("ok"), "publishedAt", "-0005-01-01T00:00:00Z"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("publishedAt"));
        create(with(article("ok"), "wordCount", 5)).then().statusCode(201);
    }

    @Test
    void shouldRejectTheNulCharacterInAnyStringField() {
        editor().contentType(ContentType.JSON)
                .body("{\"headline\":\"a\\u0000b\"}")
                .when()
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("headline"))
                .body("errors[0].message", containsString("NUL"));
        editor().contentType(ContentType.JSON)
                .body("{\"headline\":\"ok\",\"tags\":[\"x\\u0000\"]}")
                .when()
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags[0]"));
        given().get("/api/v1/articles/a%00b").then().statusCode(404);
    }

    @Test
    void shouldCanonicalizeLanguageTags() {
        assertEquals(
                "pt-BR",
                created(with(article("Lingua " + token()), "language", "pt-br")).get("language"));
    }

    @Test
    void shouldAnswerUnknownSlugWith404ProblemThatEchoesNoMarkup() {
        given().get("/api/v1/articles/<script>")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString("<script>")));
        given().get("/api/v1/articles/no-such-story")
                .then()
                .statusCode(404)
                .body("detail", containsString("no-such-story"));
        given().get("/api/v1/articles/" + "x".repeat(1000)).then().statusCode(404);
    }

    @Test
    void shouldAnswerEmptyTagsAndLinksWhenNoneGiven() {
        Map<String, Object> a = article("No tags " + token());
        a.remove("tags");
        editor().contentType(ContentType.JSON)
                .body(a)
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("tags", empty())
                .body("relatedLinks", empty())
                .body("wordCount", is(5));
    }
}
