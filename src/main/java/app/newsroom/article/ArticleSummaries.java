package app.newsroom.article;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import app.newsroom.article.ArticleDtos.ArticleRef;
import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleDtos.RelatedLinkResponse;
import app.newsroom.author.AuthorDtos.AuthorRef;
import app.newsroom.image.Images;
import app.newsroom.tag.TagDtos.TagRef;
import app.newsroom.tag.TagType;

/**
 * The summary form of an article in SQL and back. A statement that shows summaries (a list, a search page) selects
 * {@link #COLUMNS} of an article aliased {@code a} — its fields, and its tags and related links each as one JSON array
 * of arrays, internal links to articles not public at {@code :now} left out — and turns each row into a summary with
 * {@link #read}, by column name (the main image with its renditions). A field added to the summary is added here, once.
 *
 * <p>Tags and links as scalar subqueries with json_agg rather than lateral joins of parallel arrays: half the planning
 * and execution time.
 */
@ApplicationScoped
public class ArticleSummaries {

    public static final String COLUMNS = """
            a.id AS id, a.slug AS slug, a.headline AS headline, a.standfirst AS standfirst, a.byline AS byline,
            a.section AS section, a.language AS language, a.status AS status, a.published_at AS published_at,
            a.created_at AS created_at, a.updated_at AS updated_at, a.version AS version, a.word_count AS word_count,
            CAST(a.main_image AS text) AS main_image,
            CAST((SELECT json_agg(json_build_array(au.slug, au.name) ORDER BY x.position)
                    FROM article_author x JOIN author au ON au.id = x.author_id WHERE x.article_id = a.id) AS text)
                 AS authors,
            CAST((SELECT json_agg(json_build_array(t.slug, t.name, t.type) ORDER BY t.name, t.slug)
                    FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id) AS text) AS tags,
            CAST((SELECT json_agg(json_build_array(l.id, l.position, l.title, l.url, t.id, t.slug, t.headline)
                                  ORDER BY l.position)
                    FROM related_link l LEFT JOIN article t ON t.id = l.target_article_id
                   WHERE l.article_id = a.id
                     AND (l.target_article_id IS NULL OR (t.status = 'published' AND t.published_at <= :now)))
                 AS text) AS links""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Images images;

    ArticleSummaries(Images images) {
        this.images = images;
    }

    /** The summary in a row that selected {@link #COLUMNS}. */
    public ArticleSummary read(Tuple row) {
        List<TagRef> tags = new ArrayList<>();
        for (JsonNode t : json(row.get("tags", String.class))) {
            tags.add(new TagRef(
                    t.get(0).asText(),
                    t.get(1).asText(),
                    TagType.valueOf(t.get(2).asText().toUpperCase(Locale.ROOT))));
        }
        List<RelatedLinkResponse> links = new ArrayList<>();
        for (JsonNode l : json(row.get("links", String.class))) {
            UUID linkId = UUID.fromString(l.get(0).asText());
            int position = l.get(1).asInt();
            links.add(
                    l.get(4).isNull()
                            ? new RelatedLinkResponse(linkId, text(l.get(2)), text(l.get(3)), null, position)
                            : new RelatedLinkResponse(
                                    linkId,
                                    l.get(6).asText(),
                                    null,
                                    new ArticleRef(
                                            UUID.fromString(l.get(4).asText()),
                                            l.get(5).asText(),
                                            l.get(6).asText()),
                                    position));
        }
        List<AuthorRef> authors = new ArrayList<>();
        for (JsonNode au : json(row.get("authors", String.class))) {
            authors.add(new AuthorRef(au.get(0).asText(), au.get(1).asText()));
        }
        return new ArticleSummary(
                row.get("id", UUID.class),
                row.get("slug", String.class),
                row.get("headline", String.class),
                row.get("standfirst", String.class),
                ArticleMapper.byline(
                        row.get("byline", String.class),
                        authors.stream().map(AuthorRef::name).toList()),
                row.get("section", String.class),
                row.get("language", String.class),
                ArticleStatus.valueOf(row.get("status", String.class).toUpperCase(Locale.ROOT)),
                instant(row.get("published_at")),
                instant(row.get("created_at")),
                instant(row.get("updated_at")),
                ((Number) row.get("version")).longValue(),
                ((Number) row.get("word_count")).intValue(),
                tags,
                links,
                images.served(row.get("main_image", String.class)),
                authors);
    }

    /** A timestamp as the driver hands it over in a native query. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A JSON array of arrays as json_agg writes it; none for NULL (no rows). */
    private static JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON from json_agg", e);
        }
    }
}
