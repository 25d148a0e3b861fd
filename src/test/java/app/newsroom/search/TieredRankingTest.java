package app.newsroom.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.newsroom.article.ArticleCriteria;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The tiered path: with a tiny pool and tiers used from the first match, pages of a common word come from its impact
 * tiers, stepping down as pages go deeper, and together they still list every match once, in the exact order.
 */
@QuarkusTest
@TestProfile(TieredRankingTest.SmallPool.class)
class TieredRankingTest {

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.search.pool-size", "3", "newsroom.search.tier-above", "1");
        }
    }

    @Inject
    SearchService service;

    @Test
    void shouldPageThroughTiersWithoutLosingOrRepeatingAMatch() {
        String w = SearchTest.word();
        List<String> expected = new ArrayList<>();
        // strongest first: the word three times in the headline, twice, once, then only in the body
        for (int i = 0; i < 3; i++) {
            expected.add(created(withText(w + " " + w + " " + w + " triple " + i, "2026-02-0" + (i + 1)))
                    .get("id")
                    .toString());
        }
        for (int i = 0; i < 3; i++) {
            expected.add(created(withText(w + " " + w + " double " + i, "2026-02-0" + (i + 1)))
                    .get("id")
                    .toString());
        }
        for (int i = 0; i < 3; i++) {
            expected.add(created(withText(w + " single " + i, "2026-02-0" + (i + 1)))
                    .get("id")
                    .toString());
        }
        Map<String, Object> bodyOnly = article("Body only " + w.substring(3));
        bodyOnly.put("body", "<p>" + w + "</p>");
        expected.add(created(bodyOnly).get("id").toString());
        // newest first among equals
        for (int start = 0; start < 9; start += 3) {
            Collections.reverse(expected.subList(start, start + 3));
        }
        // the plans the pages use: the highest tier holding the candidates a page needs (3 per page), then every match
        SearchMatch match = service.match(
                        w,
                        new ArticleCriteria(
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                ArticleCriteria.Order.NEWEST,
                                ArticleCriteria.Visibility.PUBLISHED))
                .orElseThrow();
        assertEquals(
                List.of(30, 20, 10, 0),
                List.of(3, 6, 9, 12).stream()
                        .map(pool -> service.plan(match, pool, 10).level())
                        .toList());

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            paged.addAll(given().queryParam("q", w)
                    .queryParam("pageSize", 3)
                    .queryParam("page", page)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id"));
        }
        assertEquals(expected, paged);
        List<String> all = given().queryParam("q", w)
                .queryParam("pageSize", 20)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertEquals(expected, all);
        assertFalse(paged.isEmpty());
    }

    @Test
    void shouldTakeWordsThatMustAllOccurFromTheTierOfAllOfThemFirst() {
        String w = SearchTest.word();
        String x = SearchTest.word();
        List<String> expected = new ArrayList<>();
        // both words in the headline: the tier of all the words; then one in the headline, the other in the body
        for (int i = 0; i < 3; i++) {
            expected.add(created(withText(w + " " + x + " both " + i, "2026-03-0" + (i + 1)))
                    .get("id")
                    .toString());
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> split = withText(w + " split " + i, "2026-03-0" + (i + 1));
            split.put("body", "<p>" + x + "</p>");
            expected.add(created(split).get("id").toString());
        }
        for (int start = 0; start < 6; start += 3) {
            Collections.reverse(expected.subList(start, start + 3));
        }
        SearchMatch match = service.match(
                        w + " " + x,
                        new ArticleCriteria(
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                ArticleCriteria.Order.NEWEST,
                                ArticleCriteria.Visibility.PUBLISHED))
                .orElseThrow();
        assertEquals(
                List.of(new TierPlan(10, true), new TierPlan(10, false), TierPlan.EVERY_MATCH),
                List.of(3, 6, 9).stream()
                        .map(pool -> service.plan(match, pool, 6))
                        .toList());
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            paged.addAll(given().queryParam("q", w + " " + x)
                    .queryParam("pageSize", 3)
                    .queryParam("page", page)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id"));
        }
        assertEquals(expected, paged);
    }

    private static Map<String, Object> withText(String headline, String date) {
        Map<String, Object> a = article(headline);
        a.put("standfirst", null);
        a.put("body", "<p>Nothing to see.</p>");
        a.put("publishedAt", date + "T00:00:00Z");
        return a;
    }
}
