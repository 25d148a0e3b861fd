package app.newsroom.article;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.create;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Articles credit authors: ordered, in every form, filtered by, in the feeds, and never half-detached. */
@QuarkusTest
class ArticleAuthorsTest {

    /** A new author; answers its slug. */
    static String author(String name, boolean portrait) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("bio", "Writes about " + name + ".");
        if (portrait) {
            body.put(
                    "image",
                    Map.of(
                            "url",
                            "https://images.example.com/people/p.jpg",
                            "width",
                            400,
                            "height",
                            400,
                            "alt",
                            "Portrait of " + name));
        }
        return editor().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/authors")
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
    }

    private static Map<String, Object> credited(String headline, List<String> authors) {
        Map<String, Object> a = with(article(headline), "authors", authors);
        a.remove("byline");
        return a;
    }

    @Test
    void shouldCreditAuthorsInOrderInEveryFormWithTheirNamesAsDefaultByline() {
        String t = token();
        String first = author("Ana Ferreira " + t, true);
        String second = author("Ben Okafor " + t, false);
        Map<String, Object> a =
                created(with(credited("Credits " + t, List.of(second, first)), "tags", List.of("Cr " + t)));
        String id = (String) a.get("id");
        as(null).get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("authors.slug", equalTo(List.of(second, first)))
                .body("authors[1].bio", equalTo("Writes about Ana Ferreira " + t + "."))
                .body("authors[1].image.alt", equalTo("Portrait of Ana Ferreira " + t))
                .body("authors[1].image.renditions.size()", equalTo(2))
                .body("byline", equalTo("Ben Okafor " + t + " and Ana Ferreira " + t));
        as(null).queryParam("tag", "cr-" + t)
                .get("/api/v1/articles")
                .then()
                .body(
                        "items[0].authors",
                        equalTo(List.of(
                                Map.of("slug", second, "name", "Ben Okafor " + t),
                                Map.of("slug", first, "name", "Ana Ferreira " + t))))
                .body("items[0].byline", equalTo("Ben Okafor " + t + " and Ana Ferreira " + t));
        // agency copy keeps its own byline
        created(with(
                with(credited("Agency " + t, List.of(first)), "byline", "Wire service"), "tags", List.of("Cr " + t)));
        as(null).queryParam("tag", "cr-" + t)
                .get("/api/v1/articles")
                .then()
                .body("items.byline", hasItem("Wire service"));
        as(null).get("/api/v1/authors/" + first).then().statusCode(200).body("articleCount", equalTo(2));
    }

    @Test
    void shouldNameAnUnknownOrMalformedAuthor() {
        String known = author("Known " + token(), false);
        create(credited("Unknown author " + token(), List.of(known, "nobody-" + token())))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("authors[1]"));
        create(credited("Bad author " + token(), List.of("Not A Slug")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("authors[0]"));
        create(credited("Twice " + token(), List.of(known, known)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("authors[1]"));
        as(null).queryParam("author", "Not A Slug")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("author"));
    }

    @Test
    void shouldFilterListsAndSearchByAuthor() {
        String t = token();
        String one = author("Filter One " + t, false);
        String other = author("Filter Other " + t, false);
        String mine = (String) created(credited("Lighthouse keepers strike " + t, List.of(one)))
                .get("id");
        String theirs = (String) created(credited("Lighthouse keepers return " + t, List.of(other)))
                .get("id");
        as(null).queryParam("author", one)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(mine)))
                .body("page.totalItems", equalTo(1));
        as(null).queryParam("q", "lighthouse " + t)
                .queryParam("author", other)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(theirs)));
    }

    @Test
    void shouldShowAnAuthorsNewBioAtOnceAndChangeTheArticlesEtag() {
        String t = token();
        String slug = author("Bio Change " + t, false);
        String id = (String) created(credited("Bio story " + t, List.of(slug))).get("id");
        Response before = as(null).get("/api/v1/articles/" + id);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "Bio Change " + t, "bio", "Now on the science desk."))
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(200);
        Response after = as(null).get("/api/v1/articles/" + id);
        after.then().statusCode(200).body("authors[0].bio", equalTo("Now on the science desk."));
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        as(null).header("If-None-Match", before.header("ETag"))
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldKeepAuthorsThroughAPatchAndDropThemWhenAsked() {
        String t = token();
        String slug = author("Patch Kept " + t, false);
        String id =
                (String) created(credited("Patch credits " + t, List.of(slug))).get("id");
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\": \"Patched credits " + t + "\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("authors.slug", equalTo(List.of(slug)));
        editor().contentType("application/merge-patch+json")
                .body("{\"authors\": []}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("authors.size()", equalTo(0))
                .body("byline", equalTo(null));
    }

    @Test
    void shouldRefuseToDeleteACreditedAuthorUnlessForcedAndThenDetachItEverywhere() {
        String t = token();
        String slug = author("Leaving " + t, false);
        String id = (String) created(credited("Departure " + t, List.of(slug))).get("id");
        long version = ((Number) as(null).get("/api/v1/articles/" + id).path("version")).longValue();
        editor().delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("1"));
        as(null).get("/api/v1/articles/" + id).then().body("authors.slug", equalTo(List.of(slug)));
        editor().queryParam("force", "true")
                .delete("/api/v1/authors/" + slug)
                .then()
                .statusCode(204);
        as(null).get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("authors.size()", equalTo(0))
                .body("version", equalTo((int) version + 1));
        as(null).get("/api/v1/authors/" + slug).then().statusCode(404);
    }

    @Test
    void shouldPutAuthorsInTheFeedsAndTakeThemFromTheImport() throws Exception {
        String t = token();
        String first = author("Feed First " + t, true);
        String second = author("Feed Second " + t, false);
        String line =
                "{\"headline\": \"Imported credits " + t + "\", \"body\": \"<p>x</p>\", \"status\": \"published\","
                        + " \"tags\": [\"Fa " + t + "\"], \"authors\": [\"" + first + "\", \"" + second + "\"]}\n";
        editor().contentType("application/x-ndjson")
                .body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(200)
                .body("totals.created", equalTo(1));
        as(null).queryParam("tag", "fa-" + t)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .body("items[0].authors[0].name", equalTo("Feed First " + t))
                .body("items[0].authors[0].avatar", equalTo("https://images.example.com/people/p.jpg"))
                .body("items[0].authors[1].name", equalTo("Feed Second " + t))
                .body("items[0].authors[1]", not(hasKey("avatar")));
        String rss =
                as(null).queryParam("tag", "fa-" + t).get("/api/v1/feeds/rss").asString();
        assertEquals(
                "Feed First " + t + " and Feed Second " + t,
                xml(rss).getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")
                        .item(0)
                        .getTextContent());
        String atom =
                as(null).queryParam("tag", "fa-" + t).get("/api/v1/feeds/atom").asString();
        Document doc = xml(atom);
        List<String> names = new ArrayList<>();
        for (int i = 0;
                i
                        < doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "author")
                                .getLength();
                i++) {
            names.add(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "author")
                    .item(i)
                    .getTextContent()
                    .trim());
        }
        assertEquals(List.of("Feed First " + t, "Feed Second " + t), names);
    }

    @Test
    void shouldNotFreezeTheAuthorsNamesWhenTheBylineReadIsWrittenBack() {
        String t = token();
        String slug = author("Old Name " + t, false);
        Map<String, Object> written = credited("Round-trip byline " + t, List.of(slug));
        String id = (String) created(written).get("id");
        // a client writes back the byline it read, which is the author's name
        editor().contentType(ContentType.JSON)
                .body(with(written, "byline", "Old Name " + t))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        editor().contentType(ContentType.JSON)
                .body(Map.of("name", "New Name " + t))
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(200);
        as(null).get("/api/v1/articles/" + id).then().body("byline", equalTo("New Name " + t));
        // a byline of its own stays
        editor().contentType(ContentType.JSON)
                .body(with(written, "byline", "Wire service"))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("byline", equalTo("Wire service"));
    }

    @Test
    void shouldLetTheLastImportLineForAnArticleDecideItsAuthors() {
        String t = token();
        String slug = author("Import Twice " + t, false);
        String lines = "{\"slug\": \"twice-" + t + "\", \"headline\": \"Twice " + t + "\", \"body\": \"<p>x</p>\","
                + " \"status\": \"published\", \"authors\": [\"" + slug + "\"]}\n"
                + "{\"slug\": \"twice-" + t + "\", \"headline\": \"Twice " + t + "\", \"body\": \"<p>y</p>\","
                + " \"status\": \"published\"}\n";
        editor().contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import")
                .then()
                .statusCode(200)
                .body("totals.created", equalTo(1))
                .body("totals.updated", equalTo(1));
        as(null).get("/api/v1/articles/twice-" + t).then().statusCode(200).body("authors.size()", equalTo(0));
    }

    @Test
    void shouldShowAnAuthorsNewPortraitInTheJsonFeedAtOnce() {
        String t = token();
        String slug = author("Portrait Change " + t, true);
        created(with(credited("Portrait story " + t, List.of(slug)), "tags", List.of("Pc " + t)));
        as(null).queryParam("tag", "pc-" + t)
                .get("/api/v1/feeds/json")
                .then()
                .body("items[0].authors[0].avatar", equalTo("https://images.example.com/people/p.jpg"));
        editor().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Portrait Change " + t,
                        "image",
                        Map.of(
                                "url",
                                "https://images.example.com/people/new.jpg",
                                "width",
                                400,
                                "height",
                                400,
                                "alt",
                                "New portrait")))
                .put("/api/v1/authors/" + slug)
                .then()
                .statusCode(200);
        as(null).queryParam("tag", "pc-" + t)
                .get("/api/v1/feeds/json")
                .then()
                .body("items[0].authors[0].avatar", equalTo("https://images.example.com/people/new.jpg"));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
