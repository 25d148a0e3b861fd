package app.newsroom.search;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search with its counts cached as in production (other tests count on every request): a phrase's matches kept with
 * its totals are checked again on every page, and an expired total is answered while a background task, in its own
 * transaction, counts again.
 */
@QuarkusTest
@TestProfile(CachedSearchTest.Cached.class)
class CachedSearchTest {

    public static class Cached implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.newsroom.search.fresh-for", "1s", "%test.newsroom.search.stale-for", "60s");
        }
    }

    @Inject
    SearchVocabulary vocabulary;

    private static JsonPath search(String q) {
        return given().queryParam("q", q)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldRecheckKeptPhraseMatchesAndRecountExpiredTotalsInTheBackground() throws InterruptedException {
        String w = SearchTest.word();
        String q = "\"harbour crane\" " + w;
        String edited = null;
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> a = article("Harbour crane " + i + " " + w);
            a.put("standfirst", null);
            a.put("body", "<p>The quay.</p>");
            edited = (String) created(a).get("id");
        }
        assertEquals(3, search(q).getInt("page.totalItems"));

        editor().contentType("application/merge-patch+json")
                .body(Map.of("headline", "Crane by the harbour " + w))
                .patch("/api/v1/articles/" + edited)
                .then()
                .statusCode(200);
        // the total is the cached one; the page checks the kept matches again and leaves the edited one out
        JsonPath cached = search(q);
        assertEquals(3, cached.getInt("page.totalItems"));
        assertEquals(List.of("Harbour crane 2 " + w, "Harbour crane 1 " + w), cached.getList("items.headline"));

        Thread.sleep(1_200); // the fresh total expired: the stale one is answered, and counted again meanwhile
        assertEquals(3, search(q).getInt("page.totalItems"));
        long deadline = System.currentTimeMillis() + 10_000;
        int total = 3;
        while (total != 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            total = search(q).getInt("page.totalItems");
        }
        assertEquals(2, total, "the background recount replaced the expired total");
    }

    @Test
    void shouldKeepADidYouMeanAndItsAbsenceWithTheZeroTotal() {
        String s1 = SearchTest.word().substring(2);
        String s2 = SearchTest.word().substring(2);
        created(article("Grain ships leave latakia" + s1));
        vocabulary.refresh();
        assertEquals("latakia" + s1, search("latakya" + s1).getString("suggestion"));
        assertEquals(null, search("tartus" + s2).getString("suggestion"), "nothing close yet");

        // asked again now, the first query would match and need no suggestion, and the second would get one
        created(article("Grain ships leave latakya" + s1));
        created(article("Wheat reaches tartous" + s2));
        vocabulary.refresh();
        JsonPath kept = search("latakya" + s1);
        assertEquals(0, kept.getInt("page.totalItems"), "the kept zero total");
        assertEquals("latakia" + s1, kept.getString("suggestion"), "the suggestion kept with it");
        assertEquals(null, search("tartus" + s2).getString("suggestion"), "a kept absence of suggestion");
    }
}
