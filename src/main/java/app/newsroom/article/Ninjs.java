package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleDtos.RelatedLinkResponse;
import app.newsroom.common.error.ProblemException;
import app.newsroom.image.ImageDtos.Image;
import app.newsroom.tag.TagDtos.TagRef;

/**
 * An article as an IPTC ninjs 2.2 news item ({@code application/ninjs+json}): the parts of the standard newsroom has
 * content for. Tags become {@code subjects}, {@code people}, {@code places}, {@code organisations} or {@code events}
 * by their type; related stories become {@code associations}. Empty parts are left out, as ninjs expects.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
        name = "NinjsItem",
        description = "An article as an IPTC ninjs 2.2 news item (https://iptc.org/standards/ninjs/); the fields "
                + "newsroom fills. Empty arrays and absent values are left out.")
public record Ninjs(
        @Schema(description = "Stable identifier: `urn:newsroom:article:{id}`", required = true)
        String uri,

        @Schema(required = true) Standard standard,
        @Schema(enumeration = "text", required = true) String type,
        @Schema(enumeration = "full", required = true) String representationtype,

        @Schema(description = "The article's version", required = true)
        String version,

        @Schema(required = true) Instant firstcreated,
        @Schema(required = true) Instant versioncreated,

        @Schema(
                description = "`usable` for a public article, `canceled` for a killed one, `withheld` otherwise",
                enumeration = {"usable", "withheld", "canceled"})
        String pubstatus,

        @Schema(description = "Until when the item is under embargo (partners only see it before)")
        Instant embargoed,

        @Schema(description = "The corrections, one per line: `Correction (date): text`")
        String ednote,

        String language,
        @Schema(description = "The slug") String slugline,
        @Schema(description = "The byline") String by,
        List<Text> headlines,

        @Schema(description = "The standfirst, role `summary`")
        List<Text> descriptions,

        @Schema(description = "The sanitized HTML body, role `main`")
        List<Text> bodies,

        List<Concept> subjects,
        List<Concept> people,
        List<Concept> places,
        List<Concept> organisations,
        List<Concept> events,

        @Schema(description = "Related stories, in their order")
        List<Association> associations,

        @Schema(description = "The article's id and slug in newsroom")
        List<AltId> altids) {

    public static final String MEDIA_TYPE = "application/ninjs+json";
    private static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

    @Schema(name = "NinjsStandard")
    public record Standard(String name, String version, String schema) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsText")
    public record Text(
            String role,
            String contenttype,
            @Schema(required = true) String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsConcept", description = "A tag")
    public record Concept(
            String name,

            @Schema(description = "`urn:newsroom:tag:{slug}`")
            String uri,

            @Schema(description = "The tag's slug") String literal) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(
            name = "NinjsAssociation",
            description = "A related story (another article, or an external page), or the main picture with its "
                    + "renditions, caption and alt text (`descriptions`) and credit (`by`)")
    public record Association(
            @Schema(description = "`related-1`, `related-2`... in their order; `mainpicture`", required = true)
            String name,

            @Schema(
                    description = "`urn:newsroom:article:{id}` for an article, the URL of an external page or of the "
                            + "picture's original",
                    required = true)
            String uri,

            @Schema(enumeration = {"text", "picture"}) String type,
            @Schema(enumeration = {"partial", "full"}) String representationtype,
            List<Text> headlines,
            String by,
            List<Text> descriptions,
            List<Rendition> renditions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsRendition", description = "A rendition of a picture")
    public record Rendition(
            @Schema(required = true) String name, String href, String contenttype, Integer width, Integer height) {}

    @Schema(name = "NinjsAltId")
    public record AltId(String role, String value) {}

    /** The main image as a ninjs picture: its renditions by width, its caption and alt text, its credit. */
    private static Association picture(Image image) {
        List<Text> descriptions = new ArrayList<>();
        if (image.caption() != null) {
            descriptions.add(new Text("caption", "text/plain", image.caption()));
        }
        descriptions.add(new Text("alternative", "text/plain", image.alt()));
        return new Association(
                "mainpicture",
                image.url(),
                "picture",
                "full",
                null,
                image.credit(),
                descriptions,
                image.renditions().stream()
                        .map(r -> new Rendition("w" + r.width(), r.url(), null, r.width(), r.height()))
                        .toList());
    }

    /**
     * Whether the client asks for ninjs: {@code format=ninjs}, or an {@code Accept} that ranks
     * {@code application/ninjs+json} above JSON. Another {@code format} than json or ninjs is a 400.
     */
    public static boolean wanted(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim()) {
                case "ninjs" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format", "must be json or ninjs");
            };
        }
        if (accept == null || !accept.contains(MEDIA_TYPE)) {
            return false;
        }
        double ninjs = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals(MEDIA_TYPE)) {
                ninjs = Math.max(ninjs, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return ninjs > 0 && ninjs >= json;
    }

    static String uri(UUID id) {
        return "urn:newsroom:article:" + id;
    }

    /** The ninjs form of an article's full form. */
    public static Ninjs of(ArticleResponse a) {
        List<Concept> subjects = new ArrayList<>();
        List<Concept> people = new ArrayList<>();
        List<Concept> places = new ArrayList<>();
        List<Concept> organisations = new ArrayList<>();
        List<Concept> events = new ArrayList<>();
        for (TagRef tag : a.tags()) {
            Concept concept = new Concept(tag.name(), "urn:newsroom:tag:" + tag.slug(), tag.slug());
            switch (tag.type()) {
                case PERSON -> people.add(concept);
                case PLACE -> places.add(concept);
                case ORGANIZATION -> organisations.add(concept);
                case EVENT -> events.add(concept);
                case TOPIC -> subjects.add(concept);
            }
        }
        List<Association> associations = new ArrayList<>();
        for (RelatedLinkResponse link : a.relatedLinks()) {
            String target = link.article() != null ? uri(link.article().id()) : link.url();
            associations.add(new Association(
                    "related-" + (associations.size() + 1),
                    target,
                    "text",
                    "partial",
                    List.of(new Text(null, null, link.title())),
                    null,
                    null,
                    null));
        }
        if (a.mainImage() != null) {
            associations.add(picture(a.mainImage()));
        }
        boolean embargoed = a.embargoedUntil() != null && a.embargoedUntil().isAfter(Instant.now());
        return new Ninjs(
                uri(a.id()),
                new Standard("ninjs", "2.2", SCHEMA),
                "text",
                "full",
                Long.toString(a.version()),
                a.createdAt(),
                a.updatedAt(),
                embargoed
                        ? "withheld"
                        : switch (a.status()) {
                            case PUBLISHED -> "usable";
                            case KILLED -> "canceled";
                            default -> "withheld";
                        },
                embargoed ? a.embargoedUntil() : null,
                a.corrections().isEmpty()
                        ? null
                        : String.join(
                                "\n",
                                a.corrections().stream()
                                        .map(c -> "Correction ("
                                                + c.at().toString().substring(0, 10) + "): " + c.text())
                                        .toList()),
                a.language(),
                a.slug(),
                a.byline(),
                List.of(new Text("main", "text/plain", a.headline())),
                a.standfirst() == null ? List.of() : List.of(new Text("summary", "text/plain", a.standfirst())),
                List.of(new Text("main", "text/html", a.body())),
                subjects,
                people,
                places,
                organisations,
                events,
                associations,
                List.of(new AltId("id", a.id().toString()), new AltId("slug", a.slug())));
    }
}
