package app.newsroom.security;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.newsroom.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Small limits, kept in a real Redis server (the store that several instances share; see {@link TestRedis}), with
 * client addresses taken from X-Forwarded-For as behind a trusted proxy. Each test uses fresh addresses, so reruns
 * start empty.
 */
@QuarkusTest
@ExtendWith(TestRedis.Available.class)
@TestProfile(RateLimitTest.SmallSharedLimits.class)
class RateLimitTest {

    public static class SmallSharedLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.rate-limit.store",
                    "redis",
                    // no Redis: the class is skipped (or fails, when required), but the profile must still be readable
                    "newsroom.rate-limit.redis-url",
                    TestRedis.url().orElse("redis://127.0.0.1:1"),
                    "newsroom.rate-limit.anonymous",
                    "3",
                    "newsroom.rate-limit.partner",
                    "5",
                    "newsroom.rate-limit.trust-forwarded-for",
                    "true");
        }
    }

    private static String freshAddress() {
        UUID u = UUID.randomUUID();
        return "10." + (u.hashCode() & 0x7f) + "." + ((u.hashCode() >> 8) & 0xff) + "." + ((u.hashCode() >> 16) & 0xff)
                + "-" + u;
    }

    @Test
    void shouldCountDownAndAnswer429WithRetryAfter() {
        String client = freshAddress();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", client)
                    .get("/api/v1/sections")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(remaining)))
                    .header("RateLimit-Reset", notNullValue());
        }
        var limited = given().header("X-Forwarded-For", client)
                .get("/api/v1/articles")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:newsroom:problem:rate-limited"))
                .header("RateLimit-Remaining", equalTo("0"))
                .extract();
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        Assertions.assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // another client address has its own bucket
        given().header("X-Forwarded-For", freshAddress())
                .get("/api/v1/sections")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", equalTo("2"));
    }

    @Test
    void shouldTrustOnlyTheAddressTheProxyAppended() {
        String client = freshAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "spoofed-" + i + ", " + client)
                    .get("/api/v1/sections")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", "spoofed-9, " + client)
                .get("/api/v1/sections")
                .then()
                .statusCode(429);
    }

    @Test
    void shouldCountRequestsWithBadKeysAgainstTheirAddress() {
        String client = freshAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client)
                    .auth()
                    .oauth2("nr_guess-" + i)
                    .get("/api/v1/sections")
                    .then()
                    .statusCode(401);
        }
        given().header("X-Forwarded-For", client)
                .auth()
                .oauth2("nr_guess-9")
                .get("/api/v1/sections")
                .then()
                .statusCode(429);
    }

    @Test
    void shouldGiveEachKeyItsOwnLargerBucket() {
        String client = freshAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client)
                    .get("/api/v1/sections")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", client).get("/api/v1/sections").then().statusCode(429);
        String partner = Fixtures.as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "limited partner", "role", "partner"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().header("X-Forwarded-For", client)
                .auth()
                .oauth2(partner)
                .get("/api/v1/sections")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", equalTo("5"))
                .header("RateLimit-Remaining", equalTo("4"));
    }
}
