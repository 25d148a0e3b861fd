package app.newsroom.common.openapi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Documents the error responses API operations share as problem+json (400, 401, 406, 429, 500, 503; 403 where a key
 * is required; 413, 415 where there is a body; 414 and 431 everywhere; 412 where If-Match is taken), so the annotations on each
 * operation only name the errors particular to it. Also documents the headers responses share: the
 * {@code RateLimit-*} headers on every answer, {@code Retry-After} on 429 and 503, {@code WWW-Authenticate} on 401,
 * and on a 304 the headers its 200 carries (ETag, Last-Modified, Link). Operations that need no key declare the
 * optional bearer scheme; response schemas are closed (see {@link #closeResponseSchemas}); the NDJSON import gets its
 * example as a string. Every response the tests receive is validated against the result
 * ({@code app.newsroom.ContractValidation}), so what this filter claims is checked.
 */
public class OpenApiErrors implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        OpenApiSecurity.SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("opaque API key")
                                .description(
                                        "An API key from POST /api/v1/keys (or NEWSROOM_ADMIN_KEY), sent as "
                                                + "`Authorization: Bearer <key>`. Roles: partner, editor, admin (admin implies editor)."));
        declareHeaders(openAPI);
        nullableReferences(openAPI);
        closeResponseSchemas(openAPI);
        PartialForms.document(openAPI);
        if (openAPI.getComponents().getResponses() != null) {
            // responses operations share by reference carry the headers every answer carries
            openAPI.getComponents().getResponses().values().forEach(OpenApiErrors::rateLimitHeaders);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                boolean keyRequired = operation.getSecurity() != null
                        && !operation.getSecurity().isEmpty();
                if (!keyRequired) {
                    // anonymous, or with a key (its own rate limit; drafts for editors): both are documented
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
                    operation.addSecurityRequirement(
                            OASFactory.createSecurityRequirement().addScheme(OpenApiSecurity.SCHEME));
                }
                ndjsonExample(operation);
                problemContent(responses);
                add(
                        responses,
                        "400",
                        "Invalid request: a parameter or the body failed validation (`errors` names each field), "
                                + "or the body is not valid JSON",
                        Examples.PROBLEM_VALIDATION);
                add(
                        responses,
                        "406",
                        "The Accept header names no media type this operation produces",
                        Examples.PROBLEM_NOT_ACCEPTABLE);
                if (operation.getRequestBody() != null) {
                    add(
                            responses,
                            "415",
                            "The Content-Type is not one this operation accepts",
                            Examples.PROBLEM_UNSUPPORTED);
                    add(
                            responses,
                            "413",
                            "The body is larger than this operation accepts (1 MiB; the import 64 MiB), by its "
                                    + "Content-Length or, sent chunked, as soon as it passes the limit; the connection "
                                    + "closes",
                            Examples.PROBLEM_TOO_LARGE);
                }
                add(
                        responses,
                        "414",
                        "The request URL is longer than the service accepts (16 KiB by default)",
                        Examples.PROBLEM_URI_TOO_LONG);
                add(
                        responses,
                        "431",
                        "The request headers are larger than the service accepts (16 KiB by default)",
                        Examples.PROBLEM_HEADERS_TOO_LARGE);
                if (keyRequired) {
                    add(
                            responses,
                            "401",
                            "No API key, or one that is unknown or revoked (with WWW-Authenticate: Bearer)",
                            Examples.PROBLEM_UNAUTHORIZED);
                    add(
                            responses,
                            "403",
                            "The API key's role does not allow this operation",
                            Examples.PROBLEM_FORBIDDEN);
                } else {
                    add(
                            responses,
                            "401",
                            "The Authorization header carries an unknown or revoked key (no key is fine "
                                    + "here); with WWW-Authenticate: Bearer",
                            Examples.PROBLEM_UNAUTHORIZED);
                }
                if (hasHeader(operation, "If-Match")) {
                    add(
                            responses,
                            "412",
                            "If-Match does not match the current ETag: read the resource again",
                            Examples.PROBLEM_PRECONDITION);
                }
                add(
                        responses,
                        "429",
                        "The rate limit of this key or client address is used up; retry after Retry-After seconds",
                        Examples.PROBLEM_RATE_LIMITED);
                add(
                        responses,
                        "500",
                        "Unexpected error; the detail names an incident id for the logs",
                        Examples.PROBLEM_INTERNAL);
                add(
                        responses,
                        "503",
                        "The database is unavailable; retry after the Retry-After seconds",
                        Examples.PROBLEM_UNAVAILABLE);
                if (entry.getKey() == PathItem.HttpMethod.GET) {
                    cachingHeaders(
                            operation,
                            !path.getKey().endsWith("/changes")
                                    && !path.getKey().contains("/keys"));
                }
                sharedHeaders(responses);
            }
        }
    }

    /**
     * Response schemas (every object schema but the {@code *Request} ones) are closed: a field the document does not
     * name is an error ({@code additionalProperties: false}), and a field that cannot be null is always there
     * ({@code required}). Responses are serialized with every field, null or not, except where a record says
     * {@code NON_NULL}: such a record either marks its optional fields nullable or lists its required properties
     * itself ({@code @Schema(requiredProperties)}), which is then kept. Clients (and the tests' validator) can rely on
     * both.
     */
    @SuppressWarnings("deprecation") // additionalProperties: false; MP OpenAPI 4.1 has no other way to write it
    private static void closeResponseSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.endsWith("Request")
                    || schema.getProperties() == null
                    || schema.getProperties().isEmpty()) {
                return;
            }
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
                return; // the record names its required properties itself (@Schema(requiredProperties))
            }
            schema.getProperties().forEach((property, propertySchema) -> {
                if (!nullable(propertySchema)) {
                    schema.addRequired(property);
                }
            });
        });
    }

    /**
     * A nullable property of a record type is {@code anyOf: [$ref, {type: null}]}; SmallRye sometimes gives it a sibling
     * {@code type: object} too (depending on which schema it meets a type in first), which would refuse the null the
     * {@code anyOf} allows. Such a property's type admits null as well.
     */
    private static void nullableReferences(OpenAPI openAPI) {
        if (openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            schema.getProperties().values().forEach(property -> {
                if (property.getType() != null
                        && !property.getType().contains(SchemaType.NULL)
                        && property.getAnyOf() != null
                        && property.getAnyOf().stream().anyMatch(OpenApiErrors::nullable)) {
                    property.addType(SchemaType.NULL);
                }
            });
        });
    }

    private static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            return true;
        }
        return schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(OpenApiErrors::nullable)
                || schema.getOneOf() != null && schema.getOneOf().stream().anyMatch(OpenApiErrors::nullable);
    }

    private static final String RATE_LIMIT_WINDOW = " in the current window (only where rate limiting is on)";

    private static void declareHeaders(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addHeader(
                "RateLimit-Limit",
                header("Requests this key (or client address) may make" + RATE_LIMIT_WINDOW, SchemaType.INTEGER));
        components.addHeader("RateLimit-Remaining", header("Requests left" + RATE_LIMIT_WINDOW, SchemaType.INTEGER));
        components.addHeader("RateLimit-Reset", header("Seconds until the window resets", SchemaType.INTEGER));
        components.addHeader(
                "ETag",
                header(
                        "Strong validator of this answer: send it back in If-None-Match to get a 304 while it is current",
                        SchemaType.STRING));
        components.addHeader(
                "Link", header("RFC 8288 links to the first, previous, next and last pages", SchemaType.STRING));
        components.addHeader("Retry-After", header("Seconds to wait before retrying", SchemaType.INTEGER));
        components.addHeader(
                "WWW-Authenticate",
                header("The authentication scheme to use: `Bearer realm=\"newsroom\"`", SchemaType.STRING));
        components.addHeader(
                "Cache-Control",
                header(
                        "How long browsers and shared caches may keep the answer. "
                                + "Anonymous answers are `public, max-age=…, stale-while-revalidate=…, stale-if-error=…`, configured per "
                                + "kind of resource (articles, lists, feeds, search; lists and feeds never past the next scheduled "
                                + "publication); answers to a request with a key are `private, no-cache`.",
                        SchemaType.STRING));
        components.addHeader(
                "Surrogate-Key",
                header(
                        "On anonymous answers: the space-separated cache keys of what the "
                                + "answer shows, for a CDN to purge exactly what a change makes stale: `a:{article id}` for each article "
                                + "shown (and each internal link's target), `t:{tag slug}`, `au:{author slug}`, and one key per kind of "
                                + "collection (`articles`, `articles:updated`, `feeds`, `sections`, `tags`, `authors`, `related`, "
                                + "`search`).",
                        SchemaType.STRING));
    }

    private static Header header(String description, SchemaType type) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(type));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    /**
     * Every GET says how long it may be kept; public ones also name their cache keys for a CDN. A GET that can answer
     * 304 has an ETag; a paged list links its pages.
     */
    private static void cachingHeaders(Operation operation, boolean surrogateKeys) {
        APIResponses responses = operation.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null) {
            return;
        }
        if (responses.getAPIResponse("304") != null) {
            addHeader(ok, "ETag", ref("ETag"));
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "#/components/parameters/page".equals(p.getRef()))) {
            addHeader(ok, "Link", ref("Link"));
        }
        addHeader(ok, "Cache-Control", ref("Cache-Control"));
        if (surrogateKeys) {
            addHeader(ok, "Surrogate-Key", ref("Surrogate-Key"));
        }
    }

    private static void sharedHeaders(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            rateLimitHeaders(response);
            switch (entry.getKey()) {
                case "429", "503" -> addHeader(response, "Retry-After", ref("Retry-After"));
                case "401" -> addHeader(response, "WWW-Authenticate", ref("WWW-Authenticate"));
                case "304" -> {
                    // RFC 9110 15.4.5: a 304 carries the headers the 200 would have (ETag, Last-Modified, Link...)
                    if (ok != null && ok.getHeaders() != null) {
                        ok.getHeaders().forEach((name, header) -> addHeader(response, name, header));
                    }
                }
                default -> {}
            }
        }
    }

    private static void rateLimitHeaders(APIResponse response) {
        for (String name : new String[] {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}) {
            addHeader(response, name, ref(name));
        }
    }

    private static void addHeader(APIResponse response, String name, Header header) {
        if (response.getRef() == null
                && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
            response.addHeader(name, header);
        }
    }

    private static void ndjsonExample(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType ndjson = operation.getRequestBody().getContent().getMediaType("application/x-ndjson");
        if (ndjson != null
                && (ndjson.getExamples() == null || ndjson.getExamples().isEmpty())) {
            ndjson.addExample(
                    "two lines",
                    OASFactory.createExample()
                            .summary("One new article, one update by slug")
                            .value(Examples.IMPORT_NDJSON));
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> name.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }

    /**
     * Adds a shared error response unless the operation documents that status itself. A response SmallRye or Quarkus
     * generated (with only the status's reason phrase as description) is replaced.
     */
    private static void add(APIResponses responses, String status, String description, String example) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && (existing.getRef() != null || !GENERATED.contains(existing.getDescription()))) {
            return;
        }
        responses.addAPIResponse(
                status, OASFactory.createAPIResponse().description(description).content(problem(example)));
    }

    /** The descriptions of the responses SmallRye and Quarkus generate, which the shared ones replace. */
    private static final Set<String> GENERATED =
            Set.of("Bad Request", "Not Authorized", "Not Allowed", "Unauthorized", "Forbidden");

    /** The example of each error status an operation may name with a description only. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("400", Examples.PROBLEM_VALIDATION),
            Map.entry("401", Examples.PROBLEM_UNAUTHORIZED),
            Map.entry("403", Examples.PROBLEM_FORBIDDEN),
            Map.entry("404", Examples.PROBLEM_NOT_FOUND),
            Map.entry("406", Examples.PROBLEM_NOT_ACCEPTABLE),
            Map.entry("409", Examples.PROBLEM_CONFLICT),
            Map.entry("410", Examples.PROBLEM_GONE),
            Map.entry("412", Examples.PROBLEM_PRECONDITION),
            Map.entry("413", Examples.PROBLEM_TOO_LARGE),
            Map.entry("414", Examples.PROBLEM_URI_TOO_LONG),
            Map.entry("415", Examples.PROBLEM_UNSUPPORTED),
            Map.entry("431", Examples.PROBLEM_HEADERS_TOO_LARGE),
            Map.entry("429", Examples.PROBLEM_RATE_LIMITED),
            Map.entry("500", Examples.PROBLEM_INTERNAL),
            Map.entry("503", Examples.PROBLEM_UNAVAILABLE));

    /**
     * Error responses an operation declares with a description only get the problem+json content: the
     * {@code Problem} schema and the status's example. One that gives its own example gets the schema.
     */
    private static void problemContent(APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                response.setDescription(null); // the component's description applies, not SmallRye's "OK"
            }
            if (response.getRef() != null || !status.matches("[45]\\d\\d")) {
                return;
            }
            if (response.getContent() == null) {
                response.setContent(problem(EXAMPLES.get(status)));
                return;
            }
            MediaType media = response.getContent().getMediaType(PROBLEM_JSON);
            if (media != null && media.getSchema() == null) {
                media.setSchema(problemSchema());
            }
        });
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    private static Schema problemSchema() {
        return OASFactory.createSchema().ref("#/components/schemas/Problem");
    }

    private static Content problem(String example) {
        MediaType media = OASFactory.createMediaType().schema(problemSchema());
        if (example != null) {
            Object value = parse(example);
            // named by the problem's title ("not found", "conflict"...), as Swagger UI lists them
            String name = value instanceof Map<?, ?> map && map.get("title") instanceof String title
                    ? title.toLowerCase(Locale.ROOT)
                    : "problem";
            media.addExample(name, OASFactory.createExample().value(value));
        }
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, media);
    }

    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
