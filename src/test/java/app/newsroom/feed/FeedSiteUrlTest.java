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

/** With newsroom.feeds.site-url set, feeds link to the public site's article pages, not to the API. */
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
                    "Example News");
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
}
