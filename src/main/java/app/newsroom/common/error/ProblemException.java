package app.newsroom.common.error;

import java.util.List;
import java.util.Map;

/**
 * A client-facing error with its HTTP status and problem type. Thrown by services and resources; turned into
 * problem+json in one place ({@link ProblemMappers}). Its message is written for clients.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        this(status, type, title, detail, errors, Map.of());
    }

    /** With response headers the problem needs (Retry-After, WWW-Authenticate...). */
    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                "Invalid value for '" + field + "': " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(
                409,
                "conflict",
                "Conflict",
                detail,
                field == null ? null : List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
