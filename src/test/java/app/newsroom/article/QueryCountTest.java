package app.newsroom.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import app.newsroom.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing a full page of articles with their tags and links runs a small, constant number of statements. */
@QuarkusTest
class QueryCountTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void shouldListHundredArticlesWithTagsAndLinksInConstantStatements() {
        String t = token();
        String target = (String) created(article("Target " + t)).get("id");
        for (int i = 0; i < 100; i++) {
            Map<String, Object> a = article("Counted " + i + " " + t);
            a.put("tags", List.of("count-" + t, "other-" + (i % 7) + "-" + t));
            List<Map<String, Object>> links = new ArrayList<>();
            links.add(Map.of("title", "External " + i, "url", "https://example.org/" + i));
            links.add(Map.of("articleId", target));
            a.put("relatedLinks", links);
            created(a);
        }
        Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        long small = fewestStatements(stats, t, "1");
        long large = fewestStatements(stats, t, "100");
        // the editor's key, tag slugs to ids, page of ids, count, articles, their tags, their links, the links' targets
        assertTrue(large <= 8, "listing 100 articles ran " + large + " statements");
        assertTrue(large == small, "statements grew with the page: " + small + " for 1, " + large + " for 100");
    }

    /**
     * The statistics count every statement of the application, and the change log's release job (every 15 s) may
     * run during a measurement: the fewest of three is the list's own count.
     */
    private long fewestStatements(Statistics stats, String t, String pageSize) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, statements(stats, t, pageSize));
        }
        return fewest;
    }

    /** With an editor's key: an anonymous list would be answered from the response cache after the first time. */
    private long statements(Statistics stats, String t, String pageSize) {
        stats.clear();
        Fixtures.editor()
                .queryParams(Map.of("tag", "count-" + t, "pageSize", pageSize))
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items", hasSize(Integer.parseInt(pageSize)))
                .body("items[0].relatedLinks", hasSize(2))
                .body("items[0].tags", hasSize(2))
                .body("page.totalItems", equalTo(100));
        return stats.getPrepareStatementCount();
    }
}
