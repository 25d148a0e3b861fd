package app.newsroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Test data made through the API, with a unique token so that each test can find its own rows. */
public final class Fixtures {

    private Fixtures() {}

    public static String token() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Map<String, Object> article(String headline) {
        Map<String, Object> a = new HashMap<>();
        a.put("headline", headline);
        a.put("standfirst", "A standfirst for " + headline);
        a.put("body", "<p>Body of " + headline + ".</p>");
        a.put("byline", "Staff reporter");
        a.put("section", "world/middle-east");
        a.put("language", "en");
        a.put("status", "published");
        a.put("tags", new ArrayList<>(List.of()));
        return a;
    }

    /** The bootstrap admin key of the test profile (application.properties, %test). */
    public static final String ADMIN_KEY = "test-admin-key-for-the-test-profile-only";

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    /** A live key with this role, made once per test run through POST /keys. */
    public static String key(String role) {
        if (role.equals("admin")) {
            return ADMIN_KEY;
        }
        return KEYS.computeIfAbsent(
                role,
                r -> given().auth()
                        .oauth2(ADMIN_KEY)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "test " + r, "role", r))
                        .post("/api/v1/keys")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("key"));
    }

    /** A request as an editor. */
    public static RequestSpecification editor() {
        return given().auth().oauth2(key("editor"));
    }

    public static RequestSpecification as(String role) {
        return role == null ? given() : given().auth().oauth2(key(role));
    }

    /** The cursor at the head of the change log, as a caller with this role sees it (drained to the end). */
    public static String changesHead(String role) {
        String cursor = null;
        boolean more = true;
        while (more) {
            RequestSpecification request = as(role).queryParam("limit", "1000");
            JsonPath page = (cursor == null ? request : request.queryParam("since", cursor))
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return cursor;
    }

    public static Response create(Map<String, Object> article) {
        return editor().contentType(ContentType.JSON).body(article).when().post("/api/v1/articles");
    }

    /** Creates the article and answers its JSON as a map; fails the test unless the answer is 201. */
    public static Map<String, Object> created(Map<String, Object> article) {
        return create(article).then().statusCode(201).extract().jsonPath().getMap("$");
    }

    public static String createdId(Map<String, Object> article) {
        return (String) created(article).get("id");
    }

    public static Map<String, Object> with(Map<String, Object> article, String key, Object value) {
        article.put(key, value);
        return article;
    }
}
