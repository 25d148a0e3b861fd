package app.newsroom.feed;

import java.util.List;
import java.util.Map;

import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With newsroom.feeds.site-url set, feeds link to the public site's article pages, not to the API. The profile also
 * configures other limits than the defaults: the OpenAPI document must state those the service enforces.
 */
@QuarkusTest
@TestProfile(FeedSiteUrlTest.WithSite.class)
class FeedSiteUrlTest {

    public static class WithSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a trailing slash, as operators write it; links must not double it
            return Map.of(
                    "newsroom.feeds.site-url",
                    "https://news.example.org/stories/",
                    "newsroom.feeds.title",
                    "Example News",
                    "newsroom.feeds.max-limit",
                    "30",
                    "newsroom.paging.max-page-size",
                    "40");
        }
    }

    @Test
    void shouldLinkItemsAndTheFeedToTheSite() throws Exception {
        String tag = "site-" + token();
        Map<String, Object> story = created(with(article("Site story " + tag), "tags", List.of(tag)));
        JsonNode feed = new ObjectMapper()
                .readTree(given().queryParam("tag", tag)
                        .get("/api/v1/feeds/json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals("Example News", feed.path("title").asText());
        assertEquals(
                "https://news.example.org/stories", feed.path("home_page_url").asText());
        assertEquals(
                "https://news.example.org/stories/" + story.get("slug"),
                feed.path("items").get(0).path("url").asText());
        String rss = given().queryParam("tag", tag)
                .get("/api/v1/feeds/rss")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        MatcherAssert.assertThat(
                rss,
                Matchers.containsString("<link>https://news.example.org/stories/" + story.get("slug") + "</link>"));
    }

    @Test
    void shouldDocumentTheConfiguredLimits() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.parameters.feedLimit.schema.maximum", Matchers.equalTo(30))
                .body("components.parameters.pageSize.schema.maximum", Matchers.equalTo(40))
                .body("components.parameters.pageSize.schema.default", Matchers.equalTo(20));
        given().queryParam("limit", 30).get("/api/v1/feeds/json").then().statusCode(200);
        given().queryParam("limit", 31)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("limit"))
                .body("errors[0].message", Matchers.equalTo("must be between 1 and 30"));
        given().queryParam("pageSize", 41)
                .get("/api/v1/tags")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("pageSize"));
    }
}
