package app.newsroom.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses API operations share as problem+json (400, 401, 406, 429, 500, 503; 403 where a key
 * is required; 411, 413, 415 where there is a body; 412 where If-Match is taken), so the annotations on each
 * operation only name the errors particular to it.
 */
public class OpenApiErrors implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("opaque API key")
                .description("An API key from POST /api/v1/keys (or NEWSROOM_ADMIN_KEY), sent as "
                        + "`Authorization: Bearer <key>`. Roles: partner, editor, admin (admin implies editor)."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                add(responses, "400", "Invalid request: a parameter or the body failed validation (`errors` names each field), "
                        + "or the body is not valid JSON", Examples.PROBLEM_VALIDATION);
                add(responses, "406", "The Accept header names no media type this operation produces",
                        Examples.PROBLEM_NOT_ACCEPTABLE);
                if (operation.getRequestBody() != null) {
                    add(responses, "415", "The Content-Type is not one this operation accepts", Examples.PROBLEM_UNSUPPORTED);
                    add(responses, "413", "The body is larger than this operation accepts (1 MiB; the import 64 MiB)",
                            null);
                    if (!path.getKey().endsWith("/import")) {
                        add(responses, "411", "The body came without a Content-Length (chunked); send its length", null);
                    }
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    add(responses, "401", "No API key, or one that is unknown or revoked (with WWW-Authenticate: Bearer)",
                            Examples.PROBLEM_UNAUTHORIZED);
                    add(responses, "403", "The API key's role does not allow this operation", Examples.PROBLEM_FORBIDDEN);
                } else {
                    add(responses, "401", "The Authorization header carries an unknown or revoked key (no key is fine "
                            + "here); with WWW-Authenticate: Bearer", Examples.PROBLEM_UNAUTHORIZED);
                }
                if (hasHeader(operation, "If-Match")) {
                    add(responses, "412", "If-Match does not match the current ETag: read the resource again",
                            Examples.PROBLEM_PRECONDITION);
                }
                add(responses, "429", "The rate limit of this key or client address is used up; retry after Retry-After seconds",
                        Examples.PROBLEM_RATE_LIMITED);
                add(responses, "500", "Unexpected error; the detail names an incident id for the logs",
                        Examples.PROBLEM_INTERNAL);
                add(responses, "503", "The database is unavailable; retry after the Retry-After seconds", Examples.PROBLEM_UNAVAILABLE);
            }
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> name
                .equalsIgnoreCase(p.getName()) && p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER);
    }

    private static void add(APIResponses responses, String status, String description, String example) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        if (example != null) {
            Example ex = OASFactory.createExample().value(parse(example));
            media.addExample("problem", ex);
        }
        Content content = OASFactory.createContent().addMediaType("application/problem+json", media);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(status, response);
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

}
