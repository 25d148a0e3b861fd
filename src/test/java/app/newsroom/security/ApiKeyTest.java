package app.newsroom.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ApiKeyTest {

    @Inject
    ApiKeyRepository repository;

    @Test
    void shouldShowTheSecretOnceStoreOnlyItsHashAndRevokeAtOnce() {
        var created = as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Partner: Example Daily", "role", "partner"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("key", startsWith("nr_"))
                .body("role", equalTo("partner"))
                .body("name", equalTo("Partner: Example Daily"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        String secret = created.path("key");
        Assertions.assertTrue(created.header("Location").endsWith("/api/v1/keys/" + id));

        as("admin")
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.role", equalTo("partner"))
                .body("items.find { it.id == '" + id + "' }", not(Matchers.hasKey("key")))
                .body(not(Matchers.containsString(secret)));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> repository.findById(UUID.fromString(id)).keyHash);
        Assertions.assertArrayEquals(ApiKeyService.hash(secret), stored);
        Assertions.assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(secret));

        // the key works as a partner, and stops working the moment it is revoked
        given().auth().oauth2(secret).get("/api/v1/articles").then().statusCode(200);
        given().auth().oauth2(secret).get("/api/v1/keys").then().statusCode(403);
        as("admin").delete("/api/v1/keys/" + id).then().statusCode(204);
        given().auth().oauth2(secret).get("/api/v1/articles").then().statusCode(401);
        as("admin").delete("/api/v1/keys/" + id).then().statusCode(404).contentType("application/problem+json");
        as("admin").delete("/api/v1/keys/not-a-uuid").then().statusCode(404);
    }

    @Test
    void shouldValidateKeyRequests() {
        as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "owner"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", " ", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "no role"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldLetAnAdminKeyDoWhatAnEditorDoes() {
        String admin = as("admin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "second admin", "role", "admin"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("headline", "Written by an admin key"))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .header("Location", Matchers.containsString("/api/v1/articles/"))
                .body("headline", Matchers.equalTo("Written by an admin key"));
        given().auth().oauth2(admin).get("/api/v1/keys").then().statusCode(200);
    }
}
