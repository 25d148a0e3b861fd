package app.newsroom.article;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.newsroom.common.error.Problem;

/** The answer of POST /articles/import. */
public final class ImportDtos {

    private ImportDtos() {}

    @Schema(name = "ImportLine", description = "What became of one line")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(
            @Schema(description = "1-based line number in the request body")
            int line,

            @Schema(enumeration = {"created", "updated", "error"})
            String result,

            @Schema(nullable = true) UUID id,
            @Schema(nullable = true) String slug,

            @Schema(description = "Why the line was not applied", nullable = true)
            List<Problem.FieldError> errors) {

        static LineResult error(int line, List<Problem.FieldError> errors) {
            return new LineResult(line, "error", null, null, errors);
        }
    }

    @Schema(name = "ImportTotals")
    public record Totals(int lines, int created, int updated, int failed) {}

    @Schema(name = "ImportReport", description = "Per-line results, in line order, and totals", example = """
            { "lines": [ { "line": 1, "result": "created", "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                           "slug": "syrias-interim-president-meets-putin-in-moscow" },
                         { "line": 2, "result": "error", "errors": [ { "field": "headline", "message": "must not be blank" } ] } ],
              "totals": { "lines": 2, "created": 1, "updated": 0, "failed": 1 } }""")
    public record Report(List<LineResult> lines, Totals totals) {}
}
