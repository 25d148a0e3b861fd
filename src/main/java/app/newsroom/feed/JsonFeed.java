package app.newsroom.feed;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as typed records. */
@Schema(
        name = "JsonFeed",
        description = "JSON Feed 1.1; members without a value are left out",
        requiredProperties = {"version", "title", "home_page_url", "feed_url", "description", "items"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @Schema(
            name = "JsonFeedItem",
            description =
                    "One article; `summary` (the standfirst), `authors` (the article's authors, else its byline) and `image` (the "
                            + "main image) only when the article has them",
            requiredProperties = {
                "id",
                "url",
                "title",
                "content_html",
                "date_published",
                "date_modified",
                "tags",
                "language"
            })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            String summary,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags,
            String language,

            @Schema(description = "The article's main image (its original)")
            String image) {}

    @Schema(
            name = "JsonFeedAuthor",
            description = "An author; `avatar` (a portrait) when the author has one",
            requiredProperties = {"name"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name, String avatar) {}
}
