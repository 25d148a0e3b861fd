package app.newsroom;

import java.net.URL;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The net under every test is really there: what the document does not say fails. */
@QuarkusTest
class ContractValidationTest {

    private static final String TAG = """
            { "slug": "syria", "name": "Syria", "type": "place", "description": null, "articleCount": 3,
              "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-20T08:00:00Z" }""";

    @TestHTTPResource("/")
    URL root;

    private String base() {
        return root.getProtocol() + "://" + root.getAuthority();
    }

    private ValidationReport answer(int status, String body) {
        OpenApiInteractionValidator validator = ContractValidation.validator(base());
        return validator.validate(
                SimpleRequest.Builder.get("/api/v1/tags/syria").build(),
                SimpleResponse.Builder.status(status)
                        .withContentType(status < 400 ? "application/json" : "application/problem+json")
                        .withBody(body)
                        .build());
    }

    @Test
    void shouldBeInstalledForEveryTest() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractValidation.ContractFilter.class::isInstance));
    }

    @Test
    void shouldAcceptWhatTheDocumentSays() {
        assertFalse(answer(200, TAG).hasErrors(), () -> answer(200, TAG).toString());
    }

    @Test
    void shouldRejectAnUndocumentedField() {
        assertTrue(
                answer(200, TAG.replace("\"slug\"", "\"secret\": 1, \"slug\"")).hasErrors());
    }

    @Test
    void shouldRejectAMissingField() {
        assertTrue(answer(200, TAG.replace("\"articleCount\": 3,", "")).hasErrors());
    }

    @Test
    void shouldRejectAnUndocumentedStatus() {
        assertTrue(answer(418, """
                { "type": "urn:newsroom:problem:teapot", "title": "Teapot", "status": 418, "detail": "-",
                  "instance": "/api/v1/tags/syria" }""").hasErrors());
    }

    @Test
    void shouldRejectAServedPathTheDocumentLacksButAcceptTheAppsOwn404() {
        OpenApiInteractionValidator validator = ContractValidation.validator(base());
        SimpleRequest.Builder nowhere = SimpleRequest.Builder.get("/api/v1/undocumented");
        assertTrue(validator
                .validate(
                        nowhere.build(),
                        SimpleResponse.Builder.ok()
                                .withContentType("application/json")
                                .withBody("{}")
                                .build())
                .hasErrors());
        assertFalse(validator
                .validate(
                        nowhere.build(),
                        SimpleResponse.Builder.status(404)
                                .withContentType("application/problem+json")
                                .withBody("{}")
                                .build())
                .hasErrors());
    }

    @Test
    void shouldNameUndocumentedHeaders() {
        Operation getTag = new OpenAPIV3Parser()
                .readContents(ContractValidation.fetch(base() + "/q/openapi?format=json"))
                .getOpenAPI()
                .getPaths()
                .get("/api/v1/tags/{slug}")
                .getGet();
        Set<String> undocumented = ContractValidation.undocumentedHeaders(
                getTag,
                200,
                List.of("ETag", "Content-Type", "RateLimit-Limit", "Access-Control-Allow-Origin", "X-Debug-Sql"));
        assertEquals(Set.of("X-Debug-Sql"), undocumented);
    }
}
