package app.newsroom.changes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.Ninjs;

/** Response records of GET /changes. */
final class ChangeDtos {

    private ChangeDtos() {}

    @Schema(name = "Change", description = "One change of one article")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(
            @Schema(
                    description = "`upsert`: the article is public, here is its full form; `kill`: the article was "
                            + "withdrawn, remove it everywhere (`reason` says why); `delete`: remove it "
                            + "(deleted, unpublished, archived or not yet due)",
                    enumeration = {"upsert", "kill", "delete"})
            String type,

            UUID articleId,

            @Schema(description = "The article's slug when the change was made")
            String slug,

            @Schema(description = "When the change was made")
            Instant at,

            @Schema(description = "The article's current full public form; on upserts only", nullable = true)
            ArticleResponse article,

            @Schema(description = "Why the article was killed; on kills only", nullable = true)
            String reason) {}

    @Schema(name = "ChangePage", description = "Changes after the cursor, in order")
    record ChangePage(
            List<Change> changes,

            @Schema(description = "Cursor to send as `since` next time (also when `changes` is empty)")
            String next,

            @Schema(description = "More changes are waiting: poll again with `next` at once")
            boolean hasMore) {}

    @Schema(name = "NinjsChange", description = "One change of one article, the article as an IPTC ninjs 2.2 item")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NinjsChange(
            @Schema(enumeration = {"upsert", "kill", "delete"})
            String type,

            UUID articleId,
            String slug,
            Instant at,

            @Schema(description = "The article's current public form as ninjs; on upserts only", nullable = true)
            Ninjs article,

            @Schema(description = "Why the article was killed; on kills only", nullable = true)
            String reason) {

        static NinjsChange of(Change c) {
            return new NinjsChange(
                    c.type(),
                    c.articleId(),
                    c.slug(),
                    c.at(),
                    c.article() == null ? null : Ninjs.of(c.article()),
                    c.reason());
        }
    }

    @Schema(name = "NinjsChangePage", description = "Changes after the cursor, in order, articles as ninjs")
    record NinjsChangePage(List<NinjsChange> changes, String next, boolean hasMore) {

        static NinjsChangePage of(ChangePage page) {
            return new NinjsChangePage(
                    page.changes().stream().map(NinjsChange::of).toList(), page.next(), page.hasMore());
        }
    }
}
