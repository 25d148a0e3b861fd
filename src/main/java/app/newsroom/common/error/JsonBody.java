package app.newsroom.common.error;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies parsed by hand (merge patches): JSON errors go to the same mapper as the framework's own. */
public final class JsonBody {

    private JsonBody() {}

    public static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            JsonNode node = mapper.readTree(json == null ? "" : json);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.badRequest("(body)", "a JSON object is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Invalid(e);
        }
    }

    public static <T> T treeToValue(ObjectMapper mapper, JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new Invalid(e);
        }
    }

    /** What is wrong with a body that did not parse, as field errors ({@code (body)} when it is not JSON at all). */
    public static List<Problem.FieldError> errors(Invalid invalid) {
        Problem.FieldError error = ProblemMappers.fieldError(invalid.json());
        return List.of(
                error != null
                        ? error
                        : new Problem.FieldError("(body)", "not valid JSON" + ProblemMappers.where(invalid.json())));
    }

    /** Carries a {@link JsonProcessingException} to {@link ProblemMappers}. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(JsonProcessingException cause) {
            super(null, cause, false, false);
        }

        JsonProcessingException json() {
            return (JsonProcessingException) getCause();
        }
    }
}
