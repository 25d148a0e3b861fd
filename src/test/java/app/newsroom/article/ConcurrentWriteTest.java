package app.newsroom.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import app.newsroom.common.Slugs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.create;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Slugs and tags created by racing requests: the unique indexes decide, and no request fails or loses data. */
@QuarkusTest
class ConcurrentWriteTest {

    @Test
    void shouldGiveConcurrentCreatesWithTheSameHeadlineDistinctSlugs() throws Exception {
        String headline = "Race " + token();
        String newTag = "New tag " + token();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Object> a = article(headline);
                a.put("tags", List.of(newTag));
                calls.add(() -> create(a));
            }
            Set<String> slugs = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                slugs.add(r.path("slug"));
            }
            assertEquals(n, slugs.size(), slugs.toString());
            String base = Slugs.slugify(headline);
            Set<String> expected = new HashSet<>();
            expected.add(base);
            for (int i = 2; i <= n; i++) {
                expected.add(base + "-" + i);
            }
            assertEquals(expected, slugs);
            given().get("/api/v1/tags/" + Slugs.slugify(newTag))
                    .then()
                    .statusCode(200)
                    .body("articleCount", Matchers.equalTo(n));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentConditionalUpdatesWin() throws Exception {
        Map<String, Object> a = created(article("Lock " + token()));
        String id = (String) a.get("id");
        String etag = given().get("/api/v1/articles/" + id).then().extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int k = i;
                calls.add(() -> editor().contentType("application/merge-patch+json")
                        .header("If-Match", etag)
                        .body("{\"headline\":\"Writer " + k + "\"}")
                        .patch("/api/v1/articles/" + id)
                        .statusCode());
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else {
                    assertEquals(412, status);
                }
            }
            assertEquals(1, ok);
            given().get("/api/v1/articles/" + id).then().body("version", Matchers.equalTo(2));
        } finally {
            pool.shutdownNow();
        }
    }
}
