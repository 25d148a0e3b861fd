package app.newsroom.common.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.newsroom.common.openapi.Examples;

/** RFC 9457 problem details, the body of every error response ({@code application/problem+json}). */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details",
        example = Examples.PROBLEM_VALIDATION,
        requiredProperties = {"type", "title", "status", "detail", "instance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(
                description = "URI reference that identifies the problem type",
                example = "https://newsroom.example/problems/validation")
        String type,

        @Schema(description = "Short, human-readable summary of the problem type", example = "Invalid request")
        String title,

        @Schema(description = "HTTP status code", example = "400")
        int status,

        @Schema(description = "Explanation specific to this occurrence", example = "The request has 1 invalid field")
        String detail,

        @Schema(description = "The request path this problem occurred on", example = "/api/v1/articles")
        String instance,

        @Schema(description = "Field-level errors; present on validation problems (400) and slug conflicts (409) only")
        List<FieldError> errors) {

    /** One invalid field: a JSON path into the request body, or the name of a query/path parameter or header. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Field path or parameter name", example = "headline")
            String field,

            @Schema(description = "What is wrong with it", example = "must not be blank")
            String message) {}
}
