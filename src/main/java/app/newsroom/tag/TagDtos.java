package app.newsroom.tag;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.newsroom.common.Slugs;
import app.newsroom.common.openapi.Examples;

/** Request and response records of the tag resource. */
public final class TagDtos {

    private TagDtos() {}

    @Schema(name = "TagRequest", description = "A tag to create or replace", example = Examples.TAG_REQUEST)
    @JsonIgnoreProperties({"articleCount", "createdAt", "updatedAt"})
    public record TagRequest(
            @Schema(
                    description =
                            "Unique slug; generated from the name when absent. On PUT it must equal the path's slug.",
                    maxLength = 120,
                    pattern = Slugs.PATTERN,
                    example = "vladimir-putin")
            @Size(max = Slugs.MAX_LENGTH)
            @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase ASCII words joined by '-'")
            String slug,

            @Schema(
                    description = "Display name",
                    required = true,
                    minLength = 1,
                    maxLength = 200,
                    example = "Vladimir Putin")
            @NotBlank
            @Size(max = 200)
            String name,

            @Schema(description = "What the tag names; default topic", defaultValue = "topic", example = "person")
            TagType type,

            @Schema(description = "Optional description", maxLength = 2000, nullable = true) @Size(max = 2000)
            String description) {}

    @Schema(name = "Tag", description = "A tag with its count of published articles", example = Examples.TAG)
    public record TagResponse(
            @Schema(example = "vladimir-putin") String slug,
            @Schema(example = "Vladimir Putin") String name,
            TagType type,
            @Schema(nullable = true) String description,

            @Schema(description = "Published articles with this tag", example = "12")
            long articleCount,

            Instant createdAt,
            Instant updatedAt) {

        static TagResponse of(Tag tag, long articleCount) {
            return new TagResponse(
                    tag.slug, tag.name, tag.type, tag.description, articleCount, tag.createdAt, tag.updatedAt);
        }
    }

    @Schema(name = "TagRef", description = "A tag as embedded in an article", example = """
            { "slug": "syria", "name": "Syria", "type": "place" }""")
    public record TagRef(String slug, String name, TagType type) {

        public static TagRef of(Tag tag) {
            return new TagRef(tag.slug, tag.name, tag.type);
        }
    }
}
