package app.newsroom.common.error;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Bean Validation of request records, turning violations into one 400 problem whose {@code errors} name each field by
 * its JSON path ({@code relatedLinks[2].url}). Used on input and again on the result of a merge patch.
 */
@ApplicationScoped
public class Validation {

    private final Validator validator;

    Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T value) {
        if (value == null) {
            throw ProblemException.badRequest("(body)", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldPath(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? "Invalid value for '" + errors.get(0).field() + "': "
                        + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields";
        throw new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    static String fieldPath(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && !sb.isEmpty()) {
                // the index belongs to the preceding container: "tags[1]"
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.toString();
    }
}
