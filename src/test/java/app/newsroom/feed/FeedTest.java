package app.newsroom.feed;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FeedTest {

    private static SyndFeed parse(String xml) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input.build(new StringReader(xml));
    }

    /** Three articles under one tag: a tricky one, a plain one, and a draft and a scheduled one that must not show. */
    private Map<String, Object> fixtures(String tag) {
        Map<String, Object> tricky = with(
                with(article("Q&A: <Putin> & «Шарáа» in Москва " + tag), "tags", List.of(tag)),
                "body",
                "<p>Tom &amp; Jerry &lt;3 — Дамаск</p><script>x()</script>");
        tricky.put("byline", "Ann & Bob");
        tricky.put("publishedAt", "2026-01-02T10:00:00Z");
        Map<String, Object> first = created(tricky);
        created(with(with(article("Plain story " + tag), "tags", List.of(tag)), "publishedAt", "2026-01-01T10:00:00Z"));
        created(with(with(article("Draft story " + tag), "tags", List.of(tag)), "status", "draft"));
        created(with(
                with(article("Future story " + tag), "tags", List.of(tag)), "publishedAt", "2999-01-01T00:00:00Z"));
        return first;
    }

    @Test
    void shouldServeValidRssWithStableGuidsAndEscapedText() throws Exception {
        String tag = "feed-rss-" + token();
        Map<String, Object> tricky = fixtures(tag);
        String xml = given().queryParam("tag", tag)
                .get("/api/v1/feeds/rss")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/rss+xml"))
                .header("Cache-Control", Matchers.startsWith("public, max-age=60, "))
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .extract()
                .asString();
        SyndFeed feed = parse(xml);
        assertEquals("rss_2.0", feed.getFeedType());
        assertNotNull(feed.getTitle());
        assertNotNull(feed.getLink());
        assertEquals(2, feed.getEntries().size(), "drafts and scheduled articles stay out");
        SyndEntry e = feed.getEntries().get(0);
        assertEquals("Q&A: <Putin> & «Шарáа» in Москва " + tag, e.getTitle());
        assertEquals("urn:uuid:" + tricky.get("id"), e.getUri());
        assertTrue(e.getLink().endsWith("/api/v1/articles/" + tricky.get("slug")), e.getLink());
        assertTrue(e.getContents().get(0).getValue().contains("Tom &amp; Jerry &lt;3 — Дамаск"));
        assertFalse(e.getContents().get(0).getValue().contains("script"));
        assertEquals(
                List.of(tag), e.getCategories().stream().map(c -> c.getName()).toList());
        assertNotNull(e.getPublishedDate());
        assertTrue(xml.contains("&lt;Putin&gt; &amp;"), "markup in titles is escaped");
        assertFalse(xml.contains("<Putin>"));
    }

    @Test
    void shouldServeValidAtomWithUpdatedTimesAndAuthors() throws Exception {
        String tag = "feed-atom-" + token();
        Map<String, Object> tricky = fixtures(tag);
        String xml = given().queryParam("tag", tag)
                .get("/api/v1/feeds/atom")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract()
                .asString();
        SyndFeed feed = parse(xml);
        assertEquals("atom_1.0", feed.getFeedType());
        assertNotNull(feed.getUri());
        assertTrue(feed.getLinks().stream().anyMatch(l -> "self".equals(l.getRel())), "self link");
        SyndEntry e = feed.getEntries().get(0);
        assertEquals("urn:uuid:" + tricky.get("id"), e.getUri());
        assertNotNull(e.getUpdatedDate());
        assertNotNull(e.getPublishedDate());
        assertEquals("Ann & Bob", e.getAuthor());
        assertEquals("html", e.getContents().get(0).getType());
    }

    @Test
    void shouldServeJsonFeedWithItsRequiredFields() throws Exception {
        String tag = "feed-json-" + token();
        Map<String, Object> tricky = fixtures(tag);
        String body = given().queryParam("tag", tag)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/feed+json"))
                .extract()
                .asString();
        JsonNode feed = new ObjectMapper().readTree(body);
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        assertFalse(feed.path("title").asText().isBlank(), "title is required");
        assertTrue(feed.path("items").isArray(), "items is required");
        assertEquals(2, feed.path("items").size());
        for (JsonNode item : feed.path("items")) {
            assertFalse(item.path("id").asText().isBlank(), "every item has an id");
            assertTrue(item.hasNonNull("content_html") || item.hasNonNull("content_text"), "every item has content");
            assertTrue(item.path("date_published").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "RFC 3339 dates");
        }
        JsonNode first = feed.path("items").get(0);
        assertEquals("urn:uuid:" + tricky.get("id"), first.path("id").asText());
        assertEquals(
                "Q&A: <Putin> & «Шарáа» in Москва " + tag, first.path("title").asText());
        assertEquals("Ann & Bob", first.path("authors").get(0).path("name").asText());
        assertEquals(tag, first.path("tags").get(0).asText());
    }

    @Test
    void shouldKeepItemIdsAcrossEditsAndAnswer304UntilSomethingChanges() {
        String tag = "feed-cache-" + token();
        Map<String, Object> tricky = fixtures(tag);
        var first = given().queryParam("tag", tag)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .extract();
        String etag = first.header("ETag");
        given().queryParam("tag", tag)
                .header("If-None-Match", etag)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", Matchers.startsWith("public, max-age=60, "));
        given().queryParam("tag", tag)
                .header("If-Modified-Since", first.header("Last-Modified"))
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(304);
        editor().contentType("application/merge-patch+json")
                .body("{\"headline\":\"Edited headline " + tag + "\"}")
                .patch("/api/v1/articles/" + tricky.get("id"))
                .then()
                .statusCode(200);
        given().queryParam("tag", tag)
                .header("If-None-Match", etag)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo("urn:uuid:" + tricky.get("id")))
                .body("items[0].title", equalTo("Edited headline " + tag));
    }

    @Test
    void shouldFilterAndLimit() {
        String tag = "feed-filter-" + token();
        fixtures(tag);
        given().queryParams(Map.of("tag", tag, "limit", "1"))
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        given().queryParams(Map.of("tag", tag, "section", "sport"))
                .get("/api/v1/feeds/json")
                .then()
                .body("items.size()", equalTo(0));
        given().queryParams(Map.of("tag", tag, "section", "world"))
                .get("/api/v1/feeds/json")
                .then()
                .body("items.size()", equalTo(2));
        given().queryParams(Map.of("tag", tag, "language", "fr"))
                .get("/api/v1/feeds/json")
                .then()
                .body("items.size()", equalTo(0));
        given().queryParam("limit", "101")
                .get("/api/v1/feeds/rss")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("tag", "Bad Tag").get("/api/v1/feeds/atom").then().statusCode(400);
        given().get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .body("version", equalTo("https://jsonfeed.org/version/1.1"));
        given().accept("application/xml").get("/api/v1/feeds/rss").then().statusCode(200);
    }
}
