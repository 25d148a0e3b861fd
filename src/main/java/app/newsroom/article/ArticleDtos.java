package app.newsroom.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import app.newsroom.author.AuthorDtos.ArticleAuthor;
import app.newsroom.author.AuthorDtos.AuthorRef;
import app.newsroom.common.RfcDateTimeDeserializer;
import app.newsroom.common.Slugs;
import app.newsroom.common.http.Fields;
import app.newsroom.common.http.Page;
import app.newsroom.common.openapi.Examples;
import app.newsroom.image.ImageDtos.Image;
import app.newsroom.image.ImageDtos.ImageRequest;
import app.newsroom.tag.TagDtos.TagRef;

/** Request and response records of the article resource. */
public final class ArticleDtos {

    static final String SECTION_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$";
    static final String LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$";

    private ArticleDtos() {}

    /** What {@code fields=} may select of one article, and of each article of a list. */
    static final Set<String> FULL_FIELDS = Fields.namesOf(ArticleResponse.class);

    public static final Set<String> SUMMARY_FIELDS = Fields.namesOf(ArticleSummary.class);

    /**
     * An article as written by a client (POST, PUT, and the merged result of PATCH). Read-only fields of the full
     * form ({@code createdAt}, {@code updatedAt}, {@code version}, {@code wordCount}) are accepted and ignored so that a
     * client can send back what it read; an {@code id} must match the path.
     */
    @Schema(
            name = "ArticleRequest",
            description = "An article to create or replace",
            example = Examples.ARTICLE_REQUEST)
    @JsonIgnoreProperties({"createdAt", "updatedAt", "version", "wordCount"})
    public record ArticleRequest(
            @Schema(
                    description = "Must equal the id in the path when present (PUT); not accepted on POST",
                    nullable = true)
            UUID id,

            @Schema(
                    description =
                            "Unique slug; generated from the headline when absent (on PUT, absent keeps the current slug)",
                    maxLength = 120,
                    pattern = Slugs.PATTERN,
                    example = "syrias-interim-president-meets-putin-in-moscow",
                    nullable = true)
            @Size(max = Slugs.MAX_LENGTH)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase ASCII words joined by '-'")
            String slug,

            @Schema(description = "Headline", required = true, minLength = 1, maxLength = 300)
            @NotBlank
            @Size(max = 300)
            String headline,

            @Schema(description = "Standfirst (dek)", maxLength = 1000, nullable = true) @Size(max = 1000)
            String standfirst,

            @Schema(
                    description =
                            "HTML body; sanitized on write to paragraphs, headings, lists, links (http, https, mailto), "
                                    + "emphasis, blockquote and figure/img (http, https)",
                    maxLength = 500000,
                    nullable = true)
            @Size(max = 500_000)
            String body,

            @Schema(
                    description = "Author credit as text (agency copy); absent: the names of `authors`",
                    maxLength = 200,
                    nullable = true,
                    example = "Staff reporter")
            @Size(max = 200)
            String byline,

            @Schema(
                    description = "Lowercase slug path",
                    maxLength = 200,
                    pattern = SECTION_PATTERN,
                    nullable = true,
                    example = "world/middle-east")
            @Size(max = 200)
            @Pattern(regexp = SECTION_PATTERN, message = "must be a lowercase slug path such as world/middle-east")
            String section,

            @Schema(
                    description = "BCP 47 language tag; default en",
                    maxLength = 35,
                    pattern = LANGUAGE_PATTERN,
                    example = "en",
                    nullable = true)
            @Size(max = 35)
            @Pattern(regexp = LANGUAGE_PATTERN, message = "must be a BCP 47 language tag such as en, ar or pt-BR")
            String language,

            @Schema(description = "Editorial status; default draft", nullable = true)
            ArticleStatus status,

            @Schema(
                    description =
                            "Publication time (RFC 3339). Set on first publish when absent; in the future, the article is scheduled.",
                    nullable = true)
            @JsonDeserialize(using = RfcDateTimeDeserializer.class)
            OffsetDateTime publishedAt,

            @Schema(
                    description = "Tags by name or slug; an unknown one creates a topic tag. At most 50.",
                    nullable = true)
            @Size(max = 50)
            List<@NotBlank @Size(max = 200) String> tags,

            @Schema(
                    description =
                            "Related Stories, in order: external {title, url} or internal {articleId}. At most 20.",
                    nullable = true)
            @Size(max = 20)
            List<@Valid RelatedLinkRequest> relatedLinks,

            @Schema(description = "Syndication rights; absent: partners may republish it anywhere", nullable = true)
            @Valid
            Syndication syndication,

            @Schema(
                    description = "Embargo (RFC 3339): partners receive the article at once, marked with this time; "
                            + "the public sees it from then on (it is the article's publication time). Absent: none.",
                    nullable = true)
            @JsonDeserialize(using = RfcDateTimeDeserializer.class)
            OffsetDateTime embargoedUntil,

            @Schema(description = "The main image (lead photo); absent: none", nullable = true) @Valid
            ImageRequest mainImage,

            @Schema(
                    description = "Authors by slug (GET /authors), in credit order; at most 20. When `byline` is "
                            + "absent, the article's byline is their names.",
                    nullable = true,
                    example = "[\"lina-haddad\", \"omar-khalil\"]")
            @Size(max = 20)
            List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> authors) {}

    @Schema(
            name = "Syndication",
            description = "Whether partners may republish the article, where, and a note. Partner surfaces (GET "
                    + "/changes with a partner key, partners' webhooks, feeds read with a partner key) leave out an "
                    + "article that is not allowed.")
    public record Syndication(
            @Schema(description = "Partners may republish it", required = true) @NotNull
            Boolean allowed,

            @Schema(
                    description = "Where (ISO 3166-1 alpha-2 codes); empty: anywhere",
                    nullable = true,
                    example = "[\"DE\", \"AT\", \"CH\"]")
            @Size(max = 250)
            List<
                            @NotBlank
                            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
                            String>
                    territories,

            @Schema(description = "Terms for partners, as plain text", maxLength = 500, nullable = true)
            @Size(max = 500)
            String note) {}

    @Schema(
            name = "RelatedLinkRequest",
            description = "Either an external link (`title` and `url`) or an internal one (`articleId`)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelatedLinkRequest(
            @Schema(description = "Title of an external link", maxLength = 300, nullable = true) @Size(max = 300)
            String title,

            @Schema(
                    description = "Absolute http or https URL of an external link",
                    maxLength = 2000,
                    nullable = true,
                    example = "https://example.org/syria-elections")
            @Size(max = 2000)
            String url,

            @Schema(description = "Id of an article of this service (internal link)", nullable = true)
            UUID articleId) {}

    @Schema(name = "Article", description = "An article in full form", example = Examples.ARTICLE)
    public record ArticleResponse(
            UUID id,
            String slug,
            String headline,
            @Schema(nullable = true) String standfirst,
            @Schema(description = "Sanitized HTML") String body,
            @Schema(nullable = true) String byline,
            @Schema(nullable = true) String section,
            String language,
            ArticleStatus status,
            @Schema(nullable = true) Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "Increments on every change")
            long version,

            int wordCount,
            List<TagRef> tags,
            List<RelatedLinkResponse> relatedLinks,

            @Schema(description = "Corrections, oldest first (POST /articles/{id}/corrections)")
            List<CorrectionResponse> corrections,

            Syndication syndication,

            @Schema(description = "Why the article was killed (status killed; editors only see it)", nullable = true)
            String killReason,

            @Schema(description = "When the article was killed", nullable = true)
            Instant killedAt,

            @Schema(
                    description = "The embargo: until then only partners (and editors) see the article",
                    nullable = true)
            Instant embargoedUntil,

            @Schema(description = "The main image, with its renditions", nullable = true)
            Image mainImage,

            @Schema(description = "Authors in credit order, with bio and portrait")
            List<ArticleAuthor> authors) {}

    @Schema(name = "Correction", description = "A correction appended to an article")
    public record CorrectionResponse(
            @Schema(description = "When it was made") Instant at,

            @Schema(example = "An earlier version misstated the date of the meeting.")
            String text) {}

    @Schema(name = "CorrectionRequest", description = "A correction to append")
    public record CorrectionRequest(
            @Schema(
                    description = "What was wrong and what is right, as plain text",
                    example = "An earlier version misstated the date of the meeting.",
                    required = true)
            @NotBlank
            @Size(max = 2000)
            String text) {}

    @Schema(name = "KillRequest", description = "Why an article is withdrawn")
    public record KillRequest(
            @Schema(
                    description = "The reason partners are given, as plain text",
                    example = "Legal: the story is withdrawn pending review.",
                    required = true)
            @NotBlank
            @Size(max = 1000)
            String reason) {}

    @Schema(name = "ArticleSummary", description = "An article in summary form (no body), as in lists")
    public record ArticleSummary(
            UUID id,
            String slug,
            String headline,
            @Schema(nullable = true) String standfirst,
            @Schema(nullable = true) String byline,
            @Schema(nullable = true) String section,
            String language,
            ArticleStatus status,
            @Schema(nullable = true) Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            long version,
            int wordCount,
            List<TagRef> tags,
            List<RelatedLinkResponse> relatedLinks,

            @Schema(description = "The main image, with its renditions", nullable = true)
            Image mainImage,

            @Schema(description = "Authors in credit order") List<AuthorRef> authors) {}

    @Schema(name = "RelatedLink", description = "A Related Stories entry: external (`url`) or internal (`article`)")
    public record RelatedLinkResponse(
            UUID id,

            @Schema(description = "The link's title; for an internal link, the target's current headline")
            String title,

            @Schema(nullable = true) String url,
            @Schema(nullable = true) ArticleRef article,
            int position) {}

    @Schema(name = "ArticleRef", description = "The target of an internal link")
    public record ArticleRef(UUID id, String slug, String headline) {}

    @Schema(name = "ArticlePage", description = "A page of articles in summary form", example = Examples.ARTICLE_PAGE)
    record ArticlePage(List<ArticleSummary> items, Page.PageInfo page) {}

    @Schema(name = "Section", description = "A section in use, with its published articles")
    public record SectionCount(
            @Schema(example = "world/middle-east") String slug,
            @Schema(example = "12") long articleCount) {}

    @Schema(name = "SectionList", description = "Sections in use", example = Examples.SECTIONS)
    public record SectionList(List<SectionCount> items) {}
}
