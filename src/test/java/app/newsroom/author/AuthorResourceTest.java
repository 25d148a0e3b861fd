package app.newsroom.author;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.newsroom.author.AuthorDtos.ArticleAuthor;
import app.newsroom.common.error.ProblemException;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthorResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    AuthorRepository repository;

    @Inject
    AuthorService service;

    private static Response post(Map<String, Object> author) {
        return editor().contentType(ContentType.JSON).body(author).when().post("/api/v1/authors");
    }

    private static String createdSlug(String name) {
        return post(Map.of("name", name)).then().statusCode(201).extract().path("slug");
    }

    private static Map<String, Object> image() {
        Map<String, Object> image = new HashMap<>();
        image.put("url", "https://images.example.com/authors/zoe.jpg");
        image.put("width", 1200);
        image.put("height", 1200);
        image.put("alt", "Portrait of Zoë");
        return image;
    }

    private static Map<String, Object> link(String label, String url) {
        return Map.of("label", label, "url", url);
    }

    /** Credits these authors, in order, on the article (as the article writer will). */
    private void credit(String articleId, String... slugs) {
        QuarkusTransaction.requiringNew()
                .run(() -> repository.replaceAuthorsOf(UUID.fromString(articleId), service.resolve(List.of(slugs))));
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldCreateWithATransliteratedSlugAndSuffixAClash() {
        String t = token();
        Map<String, Object> author = new HashMap<>();
        author.put("name", "Zoë Ångström " + t);
        author.put("bio", "Moscow correspondent.");
        author.put("image", image());
        author.put("links", List.of(link("Website", "https://zoe.example.com"), link("Mastodon", "https://m.example")));
        post(author)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/authors/zoe-angstrom-" + t))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("slug", equalTo("zoe-angstrom-" + t))
                .body("name", equalTo("Zoë Ångström " + t))
                .body("bio", equalTo("Moscow correspondent."))
                .body("image.alt", equalTo("Portrait of Zoë"))
                .body("image.url", equalTo("https://images.example.com/authors/zoe.jpg"))
                // the test profile's image server renders the widths under the original's 1200
                .body(
                        "image.srcset",
                        containsString("https://img.test.example/authors/zoe.jpg?w=320&fp-x=0.5&fp-y=0.5 320w, "))
                .body("image.renditions.width", contains(320, 640, 960, 1200))
                .body("links.label", contains("Website", "Mastodon"))
                .body("articleCount", equalTo(0))
                .body("version", equalTo(0));
        post(Map.of("name", "Zoe Angstrom " + t))
                .then()
                .statusCode(201)
                .body("slug", equalTo("zoe-angstrom-" + t + "-2"))
                .body("image", nullValue())
                .body("bio", nullValue())
                .body("links", hasSize(0));
        post(Map.of("name", "Тарту́с " + t)).then().statusCode(201).body("slug", equalTo("tartus-" + t));
    }

    @Test
    void shouldAnswer409ForATakenSlugGiven() {
        String t = token();
        post(Map.of("name", "Taken " + t, "slug", "taken-" + t)).then().statusCode(201);
        post(Map.of("name", "Someone else", "slug", "taken-" + t))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void shouldAnswer400NamingTheField() {
        post(Map.of("name", "")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        post(Map.of("name", "!!!")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        post(Map.of("name", "x", "slug", "Bad Slug")).then().statusCode(400).body("errors[0].field", equalTo("slug"));
        post(Map.of("name", "x", "bio", "b".repeat(2001)))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bio"));
        post(Map.of("name", "x", "bio", "<script>alert(1)</script>"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bio"));
        Map<String, Object> noAlt = image();
        noAlt.remove("alt");
        post(Map.of("name", "x", "image", noAlt))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("image.alt"));
        Map<String, Object> ftp = image();
        ftp.put("url", "ftp://images.example.com/a.jpg");
        post(Map.of("name", "x", "image", ftp)).then().statusCode(400).body("errors[0].field", equalTo("image.url"));
        post(Map.of("name", "x", "links", List.of(link("Site", "javascript:alert(1)"))))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("links[0].url"));
        post(Map.of("name", "x", "links", List.of(link("Site", "https://a.example"), link("", "https://b.example"))))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("links[1].label"));
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(link("L" + i, "https://example.com/" + i));
        }
        post(Map.of("name", "x", "links", eleven)).then().statusCode(400).body("errors[0].field", equalTo("links"));
    }

    @Test
    void shouldLetOnlyEditorsWrite() {
        String t = token();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Anonymous " + t))
                .post("/api/v1/authors")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as("partner")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Partner " + t))
                .post("/api/v1/authors")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String slug = createdSlug("Protected " + t);
        as("partner").delete("/api/v1/authors/" + slug).then().statusCode(403);
        given().delete("/api/v1/authors/" + slug).then().statusCode(401);
        as("partner").get("/api/v1/authors/" + slug).then().statusCode(200);
    }

    @Test
    void shouldGetWithAnETagAnd304AndAnswer404ForAnUnknownSlug() {
        String t = token();
        String slug = createdSlug("Readable " + t);
        String etag = given().get("/api/v1/authors/" + slug)
                .then()
                .statusCode(200)
                .header("Surrogate-Key", containsString("au:" + slug))
                .body("name", equalTo("Readable " + t))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/authors/" + slug)
                .then()
                .statusCode(304);
        given().get("/api/v1/authors/nobody-" + t)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nobody-" + t));
        given().get("/api/v1/authors/Bad%20Slug").then().statusCode(404);
    }

    @Test
    void shouldListPagedByNameAndFindByPrefix() {
        String t = token();
        createdSlug("Cc " + t);
        createdSlug("Aa " + t);
        createdSlug("Bb " + t);
        given().queryParams(Map.of("q", t, "orderBy", "name", "pageSize", "2"))
                .get("/api/v1/authors")
                .then()
                .statusCode(200)
                .header("Link", notNullValue())
                .header("ETag", notNullValue())
                .body("items.slug", contains("aa-" + t, "bb-" + t))
                .body("page.totalItems", equalTo(3))
                .body("page.totalPages", equalTo(2));
        given().queryParams(Map.of("q", t, "orderBy", "name", "pageSize", "2", "page", "2"))
                .get("/api/v1/authors")
                .then()
                .body("items.slug", contains("cc-" + t));
        given().queryParam("q", "bb " + t).get("/api/v1/authors").then().body("items[0].slug", equalTo("bb-" + t));
        given().queryParam("orderBy", "random")
                .get("/api/v1/authors")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("orderBy"));
        given().queryParam("pageSize", "1000").get("/api/v1/authors").then().statusCode(400);
    }

    @Test
    void shouldReplaceHonouringIfMatchAndRenameToAFreeSlug() {
        String t = token();
        String slug = createdSlug("Hana " + t);
        String taken = createdSlug("Taken " + t);
        String etag = given().get("/api/v1/authors/" + slug).then().extract().header("ETag");
        given().queryParam("q", t).get("/api/v1/authors").then().statusCode(200);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Hana Kim " + t, "bio", "Seoul"))
                .header("If-Match", etag)
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("Hana Kim " + t))
                .body("slug", equalTo(slug))
                .body("version", equalTo(1));
        // what was kept of the author's page and of the list is gone
        given().get("/api/v1/authors/" + slug).then().body("bio", equalTo("Seoul"));
        given().queryParams(Map.of("q", t, "orderBy", "name"))
                .get("/api/v1/authors")
                .then()
                .body("items.name", contains("Hana Kim " + t, "Taken " + t));
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Stale"))
                .header("If-Match", etag)
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Hana", "slug", taken))
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("slug"));
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Hana Kim " + t, "slug", "hana-kim-" + t))
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(200)
                .body("slug", equalTo("hana-kim-" + t));
        given().get("/api/v1/authors/" + slug).then().statusCode(404);
        given().get("/api/v1/authors/hana-kim-" + t).then().statusCode(200);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody"))
                .put("/api/v1/authors/nobody-" + t)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldDeleteAnAuthorWithoutArticles() {
        String slug = createdSlug("Short-lived " + token());
        editor().header("If-Match", "\"stale\"")
                .delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(412);
        editor().delete("/api/v1/authors/" + slug).then().statusCode(204).body(emptyOrNullString());
        given().get("/api/v1/authors/" + slug).then().statusCode(404);
        editor().delete("/api/v1/authors/" + slug).then().statusCode(404);
    }

    @Test
    void shouldRefuseToDeleteACreditedAuthorUnlessForced() throws SQLException {
        String t = token();
        String slug = createdSlug("Credited " + t);
        String other = createdSlug("Co-author " + t);
        String published = (String) created(article("Credited published " + t)).get("id");
        String draft = (String)
                created(with(article("Credited draft " + t), "status", "draft")).get("id");
        credit(published, other, slug);
        credit(draft, slug);
        editor().delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("credited on 2 articles"));
        editor().queryParam("force", "maybe")
                .delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("force"));
        assertEquals(
                2,
                count(
                        "SELECT count(*) FROM article_author x JOIN author a ON a.id = x.author_id"
                                + " WHERE a.slug = ?",
                        slug));

        editor().queryParam("force", "true")
                .delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(204);

        given().get("/api/v1/authors/" + slug).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM author WHERE slug = ?", slug));
        for (String id : List.of(published, draft)) {
            editor().get("/api/v1/articles/" + id).then().statusCode(200).body("version", equalTo(2));
        }
        // the co-author stays credited, alone
        assertEquals(
                List.of(other),
                service.authorsOf(List.of(UUID.fromString(published))).get(UUID.fromString(published)).stream()
                        .map(ArticleAuthor::slug)
                        .toList());
        assertEquals(0, count("SELECT count(*) FROM article_author WHERE article_id = ?", UUID.fromString(draft)));
    }

    @Test
    void shouldCountOnlyPublishedPublicArticles() {
        String t = token();
        String slug = createdSlug("Counted " + t);
        credit((String) created(article("Counted published " + t)).get("id"), slug);
        credit(
                (String) created(with(article("Counted draft " + t), "status", "draft"))
                        .get("id"),
                slug);
        credit(
                (String) created(with(article("Counted scheduled " + t), "publishedAt", "2999-01-01T00:00:00Z"))
                        .get("id"),
                slug);
        given().get("/api/v1/authors/" + slug).then().statusCode(200).body("articleCount", equalTo(1));
        given().queryParams(Map.of("q", t, "orderBy", "popular"))
                .get("/api/v1/authors")
                .then()
                .body("items.articleCount", contains(1));
    }

    @Test
    void shouldGiveArticlesTheirAuthorsInOrderAndNameAnUnknownOne() throws SQLException {
        String t = token();
        Map<String, Object> withImage = new HashMap<>(Map.of("name", "First " + t, "image", image()));
        String first = post(withImage).then().statusCode(201).extract().path("slug");
        String second = createdSlug("Second " + t);
        UUID article =
                UUID.fromString((String) created(article("Two authors " + t)).get("id"));
        credit(article.toString(), second, first);

        List<ArticleAuthor> authors =
                service.authorsOf(List.of(article, UUID.randomUUID())).get(article);
        assertEquals(
                List.of(second, first),
                authors.stream().map(ArticleAuthor::slug).toList());
        assertEquals("Portrait of Zoë", authors.get(1).image().alt());
        assertTrue(service.authorsOf(List.of(UUID.randomUUID())).isEmpty());

        ProblemException unknown =
                assertThrows(ProblemException.class, () -> service.resolve(List.of(first, "nobody-" + t)));
        assertEquals("authors[1]", unknown.errors().get(0).field());
        ProblemException twice = assertThrows(ProblemException.class, () -> service.resolve(List.of(first, first)));
        assertEquals("authors[1]", twice.errors().get(0).field());

        // renaming an author logs a change of the published articles that credit it
        long before = count("SELECT count(*) FROM article_change WHERE article_id = ?", article);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Second renamed " + t))
                .put("/api/v1/authors/" + second)
                .then()
                .statusCode(200);
        assertEquals(before + 1, count("SELECT count(*) FROM article_change WHERE article_id = ?", article));
    }
}
