package app.newsroom.changes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.newsroom.article.ArticleDtos.ArticleResponse;

/** Response records of GET /changes. */
final class ChangeDtos {

    private ChangeDtos() {}

    @Schema(name = "Change", description = "One change of one article")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(
            @Schema(
                    description =
                            "`upsert`: the article is public, here is its full form; `delete`: remove it (deleted, "
                                    + "unpublished, archived or not yet due)",
                    enumeration = {"upsert", "delete"})
            String type,

            UUID articleId,

            @Schema(description = "The article's slug when the change was made")
            String slug,

            @Schema(description = "When the change was made")
            Instant at,

            @Schema(description = "The article's current full public form; on upserts only", nullable = true)
            ArticleResponse article) {}

    @Schema(name = "ChangePage", description = "Changes after the cursor, in order")
    record ChangePage(
            List<Change> changes,

            @Schema(description = "Cursor to send as `since` next time (also when `changes` is empty)")
            String next,

            @Schema(description = "More changes are waiting: poll again with `next` at once")
            boolean hasMore) {}
}
