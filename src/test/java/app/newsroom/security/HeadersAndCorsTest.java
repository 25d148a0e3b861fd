package app.newsroom.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import app.newsroom.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HeadersAndCorsTest {

    @TestHTTPResource("/api/v1/articles")
    URL articles;

    @Test
    void shouldAnswerPreflightsForBrowserFrontends() {
        given().header("Origin", "https://frontend.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/articles/0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://frontend.example"))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Credentials", Matchers.anyOf(nullValue(), equalTo("false")));
    }

    @Test
    void shouldExposeCachingPagingAndRateLimitHeadersToBrowsers() {
        String exposed = given().header("Origin", "https://frontend.example")
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://frontend.example"))
                .extract()
                .header("Access-Control-Expose-Headers");
        for (String h : new String[] {
            "ETag", "Link", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"
        }) {
            Assertions.assertTrue(exposed.contains(h), h + " not in " + exposed);
        }
    }

    @Test
    void shouldSendSafeHeadersOnApiResponsesAndKeepSwaggerUiWorking() {
        given().get("/api/v1/articles")
                .then()
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void shouldSendRateLimitHeadersOnEveryApiResponse() {
        given().get("/api/v1/sections")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
        given().get("/api/v1/articles/no-such-slug")
                .then()
                .statusCode(404)
                .header("RateLimit-Remaining", notNullValue());
    }

    @Test
    void shouldAnswerOversizedBodiesWith413Problem() throws Exception {
        String big = "{\"headline\":\"x\",\"body\":\"" + "a".repeat(1_100_000) + "\"}";
        editor().contentType(ContentType.JSON)
                .body(big)
                .post("/api/v1/articles")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        // a chunked body (no Content-Length) is taken up to the same limit...
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var small = client.send(
                chunked("{\"headline\":\"Sent in chunks\"}".getBytes()), HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(201, small.statusCode(), small.body());
        // ...and refused with a 413 problem once it passes it
        var large = client.send(chunked(big.getBytes()), HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(413, large.statusCode(), large.body());
        Assertions.assertTrue(large.body().contains("\"status\":413"), large.body());
        Assertions.assertEquals(
                "application/problem+json",
                large.headers().firstValue("Content-Type").orElse(null));
    }

    private HttpRequest chunked(byte[] body) {
        return HttpRequest.newBuilder(URI.create(articles.toString()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Fixtures.key("editor"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
    }
}
