package app.newsroom.article;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import app.newsroom.common.openapi.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.changesHead;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ninjs document the service serves validates against the IPTC's ninjs 2.2 schema. */
@QuarkusTest
class NinjsTest {

    /** The schema refers to GeoJSON for places' geometry; newsroom emits none, so an object schema stands in. */
    private static final Schema NINJS = load();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder ->
                        builder.schemas(Map.of("https://geojson.org/schema/GeoJSON.json", "{\"type\": \"object\"}")));
        try (InputStream in = NinjsTest.class.getResourceAsStream("/ninjs/ninjs-schema_2.2.json")) {
            return registry.getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNinjs(String json) {
        List<Error> errors = NINJS.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors, json);
    }

    @Test
    void shouldValidateTheDocumentedExampleAndRefuseWhatIsNotNinjs() {
        assertNinjs(Examples.NINJS);
        assertTrue(!NINJS.validate("{\"uri\": \"x\", \"headline\": \"not ninjs\"}", InputFormat.JSON)
                .isEmpty());
        assertTrue(!NINJS.validate("{\"uri\": \"x\", \"pubstatus\": \"published\"}", InputFormat.JSON)
                .isEmpty());
    }

    @Test
    void shouldServeAnArticleAsNinjsByFormatOrAccept() {
        String t = token();
        for (String[] tag : new String[][] {
            {"Putin " + t, "person"},
            {"Moscow " + t, "place"},
            {"Kremlin " + t, "organization"},
            {"Summit " + t, "event"}
        }) {
            editor().contentType(ContentType.JSON)
                    .body(Map.of("name", tag[0], "type", tag[1]))
                    .post("/api/v1/tags")
                    .then()
                    .statusCode(201);
        }
        Map<String, Object> target = created(article("Ninjs target " + t));
        Map<String, Object> a = created(with(
                with(
                        with(
                                article("Ninjs source " + t),
                                "tags",
                                List.of("putin-" + t, "moscow-" + t, "kremlin-" + t, "summit-" + t, "Diplomacy " + t)),
                        "standfirst",
                        "A standfirst."),
                "relatedLinks",
                List.of(
                        Map.of("title", "Elsewhere", "url", "https://example.org/elsewhere"),
                        Map.of("articleId", target.get("id")))));
        String byFormat = as(null).queryParam("format", "ninjs")
                .get("/api/v1/articles/" + a.get("slug"))
                .then()
                .statusCode(200)
                .contentType(startsWith("application/ninjs+json"))
                .header("Vary", org.hamcrest.Matchers.containsString("Accept"))
                .extract()
                .asString();
        assertNinjs(byFormat);
        String byAccept = as(null).accept("application/ninjs+json")
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200)
                .contentType(startsWith("application/ninjs+json"))
                .extract()
                .asString();
        assertEquals(byFormat, byAccept);
        JsonPath n = JsonPath.from(byFormat);
        assertEquals("urn:newsroom:article:" + a.get("id"), n.getString("uri"));
        assertEquals("text", n.getString("type"));
        assertEquals("usable", n.getString("pubstatus"));
        assertEquals(String.valueOf(a.get("version")), n.getString("version"));
        assertEquals(a.get("headline"), n.getString("headlines[0].value"));
        assertEquals("A standfirst.", n.getString("descriptions[0].value"));
        assertEquals(a.get("body"), n.getString("bodies[0].value"));
        assertEquals("text/html", n.getString("bodies[0].contenttype"));
        assertEquals("putin-" + t, n.getString("people[0].literal"));
        assertEquals("moscow-" + t, n.getString("places[0].literal"));
        assertEquals("kremlin-" + t, n.getString("organisations[0].literal"));
        assertEquals("summit-" + t, n.getString("events[0].literal"));
        assertEquals("diplomacy-" + t, n.getString("subjects[0].literal"));
        assertEquals(
                List.of("https://example.org/elsewhere", "urn:newsroom:article:" + target.get("id")),
                n.getList("associations.uri"));
        assertEquals(target.get("headline"), n.getString("associations[1].headlines[0].value"));

        // the JSON form is unchanged, with its own ETag, and both are kept apart by the response cache
        String jsonTag = as(null).get("/api/v1/articles/" + a.get("slug"))
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("headline", equalTo(a.get("headline")))
                .extract()
                .header("ETag");
        as(null).queryParam("format", "ninjs")
                .get("/api/v1/articles/" + a.get("slug"))
                .then()
                .header("ETag", not(equalTo(jsonTag)));
        as(null).accept("application/ninjs+json")
                .get("/api/v1/articles/" + a.get("id"))
                .then()
                .contentType(startsWith("application/ninjs+json"));
        as(null).queryParam("format", "xml")
                .get("/api/v1/articles/" + a.get("slug"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void shouldServeChangesWithNinjsArticles() throws Exception {
        String start = changesHead("partner");
        String id = (String) created(article("Ninjs change " + token())).get("id");
        JsonPath page = as("partner")
                .queryParam("since", start)
                .queryParam("format", "ninjs")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> changes = page.getList("changes");
        assertTrue(changes.stream().anyMatch(c -> id.equals(c.get("articleId"))));
        for (Map<String, Object> change : changes) {
            if (change.get("article") != null) {
                assertNinjs(JSON.writeValueAsString(change.get("article")));
            }
        }
    }
}
