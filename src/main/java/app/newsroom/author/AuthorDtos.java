package app.newsroom.author;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.newsroom.common.Slugs;
import app.newsroom.image.ImageDtos.Image;
import app.newsroom.image.ImageDtos.ImageRequest;

/** Request and response records of the author resource, and the forms of an author that articles embed. */
public final class AuthorDtos {

    /** Most links an author may have. */
    public static final int MAX_LINKS = 10;

    private AuthorDtos() {}

    @Schema(name = "AuthorRequest", description = "An author to create or replace", example = AuthorExamples.REQUEST)
    @JsonIgnoreProperties({"articleCount", "createdAt", "updatedAt", "version"})
    public record AuthorRequest(
            @Schema(
                    description =
                            "Unique slug; generated from the name when absent (non-Latin names are "
                                    + "transliterated). On PUT, a slug other than the path's renames the author, if it is free.",
                    maxLength = 120,
                    pattern = Slugs.PATTERN,
                    nullable = true,
                    example = "zoe-angstrom")
            @Size(max = Slugs.MAX_LENGTH)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase ASCII words joined by '-'")
            String slug,

            @Schema(
                    description = "Display name",
                    required = true,
                    minLength = 1,
                    maxLength = 200,
                    example = "Zoë Ångström")
            @NotBlank
            @Size(max = 200)
            String name,

            @Schema(description = "Short biography, plain text (no HTML)", maxLength = 2000, nullable = true)
            @Size(max = 2000)
            String bio,

            @Schema(description = "Portrait; absent: none", nullable = true) @Valid
            ImageRequest image,

            @Schema(
                    description = "Links about the author (a site, social profiles), in order; at most 10",
                    maxItems = MAX_LINKS,
                    nullable = true)
            @Size(max = MAX_LINKS)
            List<@NotNull @Valid AuthorLink> links) {}

    @Schema(name = "AuthorLink", description = "A link about an author: a label and an absolute http(s) URL")
    public record AuthorLink(
            @Schema(
                    description = "What the link is",
                    required = true,
                    minLength = 1,
                    maxLength = 50,
                    example = "Mastodon")
            @NotBlank
            @Size(max = 50)
            String label,

            @Schema(
                    description = "Absolute http or https URL",
                    required = true,
                    maxLength = 2000,
                    example = "https://mastodon.social/@zoe")
            @NotBlank
            @Size(max = 2000)
            String url) {}

    @Schema(
            name = "Author",
            description = "An author with its count of published articles",
            example = AuthorExamples.AUTHOR)
    public record AuthorResponse(
            UUID id,
            @Schema(example = "zoe-angstrom") String slug,
            @Schema(example = "Zoë Ångström") String name,

            @Schema(description = "Short biography, plain text", nullable = true)
            String bio,

            @Schema(description = "Portrait with its renditions; null: none", nullable = true)
            Image image,

            @Schema(description = "Links about the author, in order; empty: none")
            List<AuthorLink> links,

            @Schema(description = "Published, public articles that credit the author", example = "42")
            long articleCount,

            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "Moves on with every change", example = "3")
            long version) {

        static AuthorResponse of(Author author, Image image, List<AuthorLink> links, long articleCount) {
            return new AuthorResponse(
                    author.id,
                    author.slug,
                    author.name,
                    author.bio,
                    image,
                    links,
                    articleCount,
                    author.createdAt,
                    author.updatedAt,
                    author.version);
        }
    }

    @Schema(name = "AuthorRef", description = "An author as named in lists", example = """
            { "slug": "zoe-angstrom", "name": "Zoë Ångström" }""")
    public record AuthorRef(String slug, String name) {

        public static AuthorRef of(Author author) {
            return new AuthorRef(author.slug, author.name);
        }

        public static AuthorRef of(ArticleAuthor author) {
            return new AuthorRef(author.slug(), author.name());
        }
    }

    @Schema(
            name = "ArticleAuthor",
            description = "An author as credited on an article: name, bio and portrait",
            example = """
                    { "slug": "zoe-angstrom", "name": "Zoë Ångström",
                      "bio": "Moscow correspondent since 2019.", "image": null }""")
    public record ArticleAuthor(
            String slug,
            String name,

            @Schema(description = "Short biography, plain text", nullable = true)
            String bio,

            @Schema(description = "Portrait with its renditions; null: none", nullable = true)
            Image image,

            /** When the author last changed: the article's Last-Modified covers it. Not part of the answer. */
            @JsonIgnore @Schema(hidden = true) Instant updatedAt) {}
}
