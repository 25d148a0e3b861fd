package app.newsroom.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.newsroom.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangesTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChangeService changes;

    /** Polls from the cursor until the log is drained; answers the changes and the last cursor. */
    private record Drained(List<Map<String, Object>> changes, String next) {}

    private static Drained drain(String since) {
        return drain(since, 1000);
    }

    private static Drained drain(String since, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = since;
        for (int i = 0; i < 1000; i++) {
            var request = as("partner").queryParam("limit", String.valueOf(limit));
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(page.getList("changes"));
            cursor = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return new Drained(all, cursor);
            }
        }
        throw new AssertionError("the change log never drained");
    }

    private static List<String> summary(Drained d, String... ids) {
        List<String> wanted = List.of(ids);
        return d.changes.stream()
                .filter(c -> wanted.contains(c.get("articleId")))
                .map(c -> c.get("type") + ":" + c.get("articleId"))
                .toList();
    }

    @Test
    void shouldDeliverALateCommitExactlyOnceAfterALaterOne() throws Exception {
        String start = drain(null).next();
        Map<String, Object> a = created(article("Slow writer target " + token()));
        String aId = (String) a.get("id");
        Drained first = drain(start);
        assertEquals(List.of("upsert:" + aId), summary(first, aId));

        String bId;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement update = slow.prepareStatement(
                    "UPDATE article SET headline = 'Edited by a slow writer', version = version + 1 WHERE id = ?")) {
                update.setObject(1, UUID.fromString(aId));
                assertEquals(1, update.executeUpdate());
            }
            // a later transaction commits while the slow one is still open
            bId = (String) created(article("Fast writer " + token())).get("id");
            Drained during = drain(first.next());
            assertEquals(List.of(), summary(during, aId, bId), "nothing may pass the open transaction");
            assertEquals(first.next(), during.next(), "the cursor must not move past the open transaction");
            slow.commit();
        }
        Drained after = drain(first.next());
        assertEquals(List.of("upsert:" + aId, "upsert:" + bId), summary(after, aId, bId));
        assertEquals(
                "Edited by a slow writer",
                after.changes.stream()
                        .filter(c -> aId.equals(c.get("articleId")))
                        .map(c -> ((Map<?, ?>) c.get("article")).get("headline"))
                        .findFirst()
                        .orElseThrow());
        assertEquals(List.of(), summary(drain(after.next()), aId, bId), "delivered once only");
    }

    @Test
    void shouldReportUnpublishDeleteAndRepublish() {
        String start = drain(null).next();
        Map<String, Object> a = created(article("Lifecycle " + token()));
        String id = (String) a.get("id");
        Map<String, Object> draft = created(with(article("Never published " + token()), "status", "draft"));
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"draft\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"published\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        editor().delete("/api/v1/articles/" + id).then().statusCode(204);
        Drained d = drain(start);
        // a state sync: the article comes once, at its latest change, as what it is now (gone)
        assertEquals(List.of("delete:" + id), summary(d, id));
        assertEquals(List.of(), summary(d, (String) draft.get("id")), "drafts are nobody's business");
        d.changes.stream().filter(c -> id.equals(c.get("articleId"))).forEach(c -> {
            assertEquals(a.get("slug"), c.get("slug"));
            assertTrue(c.get("at") != null && !c.containsKey("article"));
        });
    }

    @Test
    void shouldGiveEveryChangedArticleOnceAtItsLatestChange() {
        String start = drain(null).next();
        String a = (String) created(article("State sync A " + token())).get("id");
        editor().contentType("application/merge-patch+json")
                .body("{\"standfirst\":\"Edited once.\"}")
                .patch("/api/v1/articles/" + a)
                .then()
                .statusCode(200);
        String b = (String) created(article("State sync B " + token())).get("id");
        String c = (String) created(article("State sync C " + token())).get("id");
        editor().contentType("application/merge-patch+json")
                .body("{\"status\":\"draft\"}")
                .patch("/api/v1/articles/" + b)
                .then()
                .statusCode(200);
        editor().delete("/api/v1/articles/" + a).then().statusCode(204);
        // drained in pages of one, so the skipping of superseded entries holds across pages too
        Drained d = drain(start, 1);
        assertEquals(List.of("upsert:" + c, "delete:" + b, "delete:" + a), summary(d, a, b, c));

        editor().contentType("application/merge-patch+json")
                .body("{\"standfirst\":\"Edited after the drain.\"}")
                .patch("/api/v1/articles/" + c)
                .then()
                .statusCode(200);
        Drained again = drain(d.next());
        assertEquals(List.of("upsert:" + c), summary(again, a, b, c), "a change after the drain comes again");
        assertEquals(
                "Edited after the drain.",
                ((Map<?, ?>) again.changes.stream()
                                .filter(x -> c.equals(x.get("articleId")))
                                .findFirst()
                                .orElseThrow()
                                .get("article"))
                        .get("standfirst"));
    }

    @Test
    void shouldCarryTheFullFormOnUpsertsAndFollowTagRenames() {
        String start = drain(null).next();
        String t = token();
        Map<String, Object> a = created(with(article("Tagged change " + t), "tags", List.of("Rename me " + t)));
        Drained d = drain(start);
        Map<?, ?> form = (Map<?, ?>) d.changes.stream()
                .filter(c -> a.get("id").equals(c.get("articleId")))
                .findFirst()
                .orElseThrow()
                .get("article");
        assertEquals(a.get("headline"), form.get("headline"));
        assertEquals(a.get("body"), form.get("body"));
        editor().contentType("application/json")
                .body(Map.of("name", "Renamed " + t, "type", "event"))
                .put("/api/v1/tags/rename-me-" + t)
                .then()
                .statusCode(200);
        Drained renamed = drain(d.next());
        assertEquals(List.of("upsert:" + a.get("id")), summary(renamed, (String) a.get("id")));
    }

    @Test
    void shouldReleaseScheduledArticlesWhenTheirTimeComes() throws Exception {
        String start = drain(null).next();
        String due = Instant.now()
                .plus(2, ChronoUnit.SECONDS)
                .truncatedTo(ChronoUnit.MILLIS)
                .toString();
        String id = (String) created(with(article("Scheduled release " + token()), "publishedAt", due))
                .get("id");
        Drained before = drain(start);
        assertEquals(List.of("delete:" + id), summary(before, id), "not public yet");
        Thread.sleep(2500);
        changes.releaseScheduled();
        Drained after = drain(before.next());
        assertEquals(List.of("upsert:" + id), summary(after, id));
    }

    @Test
    void shouldNotReleaseAnArticlePublishedDirectlyASecondTime() {
        String start = drain(null).next();
        String id = (String) created(article("Published at once " + token())).get("id");
        changes.releaseScheduled();
        assertEquals(List.of("upsert:" + id), summary(drain(start), id));
    }

    @Test
    void shouldValidateCursorAndLimit() {
        as("partner")
                .queryParam("since", "not-a-cursor")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
        as("partner")
                .queryParam("since", "YzEuMS4x!")
                .get("/api/v1/changes")
                .then()
                .statusCode(400);
        as("partner")
                .queryParam("since", "YzEuMS4x")
                .get("/api/v1/changes")
                .then()
                .statusCode(400); // "c1.1.1"
        as("partner")
                .queryParam("limit", "0")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("partner").queryParam("limit", "1001").get("/api/v1/changes").then().statusCode(400);
        for (int i = 0; i < 3; i++) {
            Fixtures.created(Fixtures.article("Paged change " + i + " " + Fixtures.token()));
        }
        as("partner")
                .queryParam("limit", "2")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.size()", equalTo(2))
                .body("hasMore", equalTo(true));
        as(null).get("/api/v1/changes").then().statusCode(401);
    }

    @Test
    void shouldAnswer410ForACursorOlderThanTheRetainedLog() throws Exception {
        String old = drain(null).next();
        created(article("After the old cursor " + token()));
        String head = drain(old).next();
        String[] saved = new String[2];
        try (Connection c = dataSource.getConnection();
                var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT purged_txid::text, purged_seq FROM change_log_state WHERE id = 1");
            rs.next();
            saved[0] = rs.getString(1);
            saved[1] = rs.getString(2);
            ChangeCursor h = ChangeCursor.decode(head);
            // as a purge of a deletion at the head would: horizon there, one generation later
            st.executeUpdate("UPDATE change_log_state SET purged_txid = '" + h.txid() + "', purged_seq = " + h.seq()
                    + ", purge_generation = purge_generation + 1");
        }
        try {
            as("partner")
                    .queryParam("since", old)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(410)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:newsroom:problem:cursor-expired"));
            // a cursor at the horizon missed nothing; a sync that starts now is never sent back either
            as("partner")
                    .queryParam("since", head)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200);
            String fresh = as("partner")
                    .queryParam("limit", "1")
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("next");
            as("partner")
                    .queryParams(Map.of("since", fresh, "limit", "1"))
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200);
        } finally {
            try (Connection c = dataSource.getConnection();
                    var st = c.createStatement()) {
                st.executeUpdate("UPDATE change_log_state SET purged_txid = '" + saved[0] + "', purged_seq = "
                        + saved[1] + ", purge_generation = purge_generation + 1");
            }
        }
    }

    @Test
    void shouldCompactSupersededEntriesButKeepEveryLiveArticle() throws Exception {
        String id = (String) created(article("Compacted " + token())).get("id");
        editor().contentType("application/merge-patch+json")
                .body("{\"byline\":\"Second\"}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        assertEquals(2, logEntries(id));
        assertEquals(List.of("upsert:" + id), summary(drain(null), id));
        int purged = changes.purge(Instant.now().plusSeconds(1));
        assertTrue(purged >= 1);
        assertEquals(1, logEntries(id));
        // a full sync after a purge pages through to the end (kept entries before the purged ones are no reason for
        // 410)
        assertEquals(List.of("upsert:" + id), summary(drain(null, 50), id), "the newest entry of a live article stays");
    }

    private long logEntries(String articleId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT count(*) FROM article_change WHERE article_id = ?")) {
            st.setObject(1, UUID.fromString(articleId));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
