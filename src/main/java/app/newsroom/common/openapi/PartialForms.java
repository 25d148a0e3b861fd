package app.newsroom.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.newsroom.common.http.Fields;

/**
 * The answers of operations that take {@code fields}: a selection is a subset of the whole form, so its 200 answer is
 * documented as {@code anyOf} the whole schema and a {@code ...Fields} twin of it with the same properties and only
 * {@code id} required (for a page: each item so). The twins are made here from the whole schemas, so they cannot drift
 * from them; an example of a selection is added next to the operation's own.
 */
final class PartialForms {

    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> EXAMPLE_FIELDS = Set.of("id", "slug", "headline", "mainImage", "publishedAt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartialForms() {}

    static void document(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (takesFields(operation)) {
                    document(openAPI, operation);
                }
            }
        }
    }

    private static boolean takesFields(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> Fields.PARAMETER.equals(p.getName()) && p.getIn() == Parameter.In.QUERY);
    }

    private static void document(OpenAPI openAPI, Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        MediaType json = ok == null || ok.getContent() == null
                ? null
                : ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
            throw new IllegalStateException(
                    operation.getOperationId() + " takes fields but has no JSON 200 answer by reference");
        }
        String whole = json.getSchema().getRef().substring(PREFIX.length());
        String partial = partial(openAPI, whole);
        json.setSchema(OASFactory.createSchema().anyOf(List.of(ref(whole), ref(partial))));
        if (json.getExamples() != null && !json.getExamples().isEmpty()) {
            Example first = json.getExamples().values().iterator().next();
            Object selected = selectedExample(first.getValue());
            if (selected != null) {
                json.addExample(
                        "fields="
                                + String.join(
                                        ",", EXAMPLE_FIELDS.stream().sorted().toList()),
                        OASFactory.createExample().value(selected));
            }
        }
    }

    /** The name of the twin of a schema with only {@code id} required (of each item, for a page), made once. */
    private static String partial(OpenAPI openAPI, String name) {
        String partialName = name + "Fields";
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas.containsKey(partialName)) {
            return partialName;
        }
        Schema source = schemas.get(name);
        if (source == null || source.getProperties() == null) {
            throw new IllegalStateException("no schema " + name + " with properties");
        }
        Schema copy = OASFactory.createSchema()
                .type(source.getType())
                .additionalPropertiesBoolean(Boolean.FALSE)
                .properties(new LinkedHashMap<>(source.getProperties()));
        Schema items = source.getProperties().get("items");
        if (items != null && items.getItems() != null && items.getItems().getRef() != null) {
            String itemName = items.getItems().getRef().substring(PREFIX.length());
            copy.addProperty(
                    "items",
                    OASFactory.createSchema()
                            .type(items.getType())
                            .items(ref(partial(openAPI, itemName)))
                            .description("Each with only the fields selected with `fields`, and `id`"));
            copy.required(source.getRequired());
            copy.description(name + " with `fields`: each item has only the fields selected, and `id`");
        } else {
            copy.required(List.of("id"));
            copy.description(name + " with `fields`: only the fields selected, and `id`");
        }
        openAPI.getComponents().addSchema(partialName, copy);
        return partialName;
    }

    /** The example of the whole answer with only {@link #EXAMPLE_FIELDS} (of each item); none if it is not JSON. */
    private static Object selectedExample(Object value) {
        try {
            JsonNode tree = value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
            if (!tree.isObject()) {
                return null;
            }
            if (tree.has("items")) {
                tree.get("items").forEach(i -> ((ObjectNode) i).retain(EXAMPLE_FIELDS));
            } else {
                ((ObjectNode) tree).retain(EXAMPLE_FIELDS);
            }
            return value instanceof String ? JSON.writeValueAsString(tree) : JSON.convertValue(tree, Object.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(PREFIX + name);
    }
}
