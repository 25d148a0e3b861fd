package app.newsroom.common.error;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import app.newsroom.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The framework's own errors are problem+json too, and no response leaks internals. */
@QuarkusTest
class ErrorHandlingTest {

    static Matcher<String> noInternals() {
        return allOf(
                not(containsString("Exception")),
                not(containsString("at app.")),
                not(containsString("java.")),
                not(containsString("com.fasterxml")),
                not(containsString("SQL")),
                not(containsString("org.")));
    }

    @Test
    void shouldAnswerUnknownPathsWithProblem404() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:newsroom:problem:not-found"))
                .body("instance", equalTo("/api/v1/nothing-here"));
        given().get("/nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnsupportedMethodWith405Problem() {
        editor().put("/api/v1/sections")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405))
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        editor().delete("/api/v1/articles")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        editor().post("/api/v1/articles/some-id")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
    }

    @Test
    void shouldAnswerUnacceptableAcceptWith406Problem() {
        given().accept("application/xml")
                .get("/api/v1/articles")
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406));
    }

    @Test
    void shouldAnswerWrongContentTypeWith415Problem() {
        editor().contentType("text/plain")
                .body("headline")
                .post("/api/v1/articles")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
        editor().contentType(ContentType.XML)
                .body("<a/>")
                .post("/api/v1/tags")
                .then()
                .statusCode(415);
    }

    @Test
    void shouldAnswerMalformedJsonWith400Problem() {
        editor().contentType(ContentType.JSON)
                .body("{\"headline\": ")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:newsroom:problem:malformed-json"))
                .body("detail", noInternals());
        editor().contentType(ContentType.JSON)
                .body("")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        editor().contentType(ContentType.JSON)
                .body("null")
                .post("/api/v1/tags")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNameTheFieldForWrongTypesAndUnknownFields() {
        editor().contentType(ContentType.JSON)
                .body("{\"headline\": {\"a\": 1}}")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("headline"))
                .body("detail", noInternals());
        editor().contentType(ContentType.JSON)
                .body("{\"headline\": \"x\", \"tags\": [[1]]}")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags[0]"))
                .body("detail", noInternals());
        editor().contentType(ContentType.JSON)
                .body("{\"headline\": \"x\", \"publishedAt\": 12}")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));
        editor().contentType(ContentType.JSON)
                .body("{\"headline\": \"x\", \"hedline\": \"y\"}")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("hedline"))
                .body("errors[0].message", equalTo("unknown field"));
        editor().contentType(ContentType.JSON)
                .body(
                        "{\"headline\": \"x\", \"relatedLinks\": [{\"title\": \"t\", \"url\": \"https://x.org\", \"extra\": 1}]}")
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("relatedLinks[0].extra"));
    }

    @Test
    void shouldHoldTheContractsTypesWithoutCoercion() {
        String[][] cases = {
            {"{\"headline\": 5}", "headline", "must be a string"},
            {"{\"headline\": true}", "headline", "must be a string"},
            {"{\"headline\": \"x\", \"tags\": [5]}", "tags[0]", "must be a string"},
            {"{\"headline\": \"x\", \"status\": 1}", "status", "must be one of"},
            {"{\"headline\": \"x\", \"headline\": \"y\"}", "headline", "appears more than once"},
            {"{\"headline\": \"a\\uD800b\"}", "headline", "must be valid Unicode text"},
            {"{\"headline\": \"x\", \"relatedLinks\": [{\"url\": 5}]}", "relatedLinks[0].url", "must be a string"}
        };
        for (String[] c : cases) {
            editor().contentType(ContentType.JSON)
                    .body(c[0])
                    .post("/api/v1/articles")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]))
                    .body("errors[0].message", containsString(c[2]));
        }
        // a key's role is an enum: neither a number nor a duplicate sneaks past
        Fixtures.as("admin")
                .contentType(ContentType.JSON)
                .body("{\"name\": \"dup\", \"role\": \"partner\", \"role\": \"admin\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldAnswerUnparsableQueryParametersWith400NamingThem() {
        given().queryParam("pageSize", "ten")
                .get("/api/v1/tags")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pageSize"));
        given().queryParam("page", "99999999999999999999")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("to", "2024-13-45")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().queryParam("from", "-999999999-01-01T00:00:00Z")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("byline", "a\u0000b")
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("byline"));
        given().queryParam("q", "a\u0000b")
                .get("/api/v1/tags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void shouldServeHealthMetricsAndOpenApi() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", Matchers.hasItem(containsString("Database")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("newsroom API"))
                .body("paths.'/api/v1/articles'.get.summary", notNullValue())
                .body("paths.'/api/v1/articles/{idOrSlug}'.put.responses.'412'", notNullValue())
                .body("paths.'/api/v1/tags/{slug}'.delete.responses.'412'", notNullValue())
                .body("paths.'/api/v1/articles'.get.responses.'403'", notNullValue())
                .body("paths.'/api/v1/sections'.get.responses.'401'", notNullValue())
                .body(
                        "paths.'/api/v1/articles'.post.responses.'415'.content.'application/problem+json'",
                        notNullValue())
                .body("components.schemas.Problem", notNullValue())
                // limits come from the configuration (defaults here), operations refer to them
                .body("components.parameters.pageSize.schema.maximum", equalTo(100))
                .body("components.parameters.changesLimit.schema.maximum", equalTo(1000))
                .body(
                        "paths.'/api/v1/articles'.get.parameters.'$ref'",
                        Matchers.hasItem("#/components/parameters/pageSize"))
                // error responses declared with a description only get the problem content
                .body(
                        "paths.'/api/v1/articles/{idOrSlug}'.delete.responses.'404'.content.'application/problem+json'"
                                + ".examples.'not found'.value.status",
                        equalTo(404))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/keys'.get.security[0].apiKey", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
