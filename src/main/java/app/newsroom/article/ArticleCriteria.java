package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import app.newsroom.common.Slugs;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.QueryParams;

/**
 * Filters and order of GET /articles. {@code tagGroups} is the Guardian syntax parsed: every group must match (the
 * comma, AND), and within a group any slug may match (the pipe, OR).
 */
public record ArticleCriteria(
        List<List<String>> tagGroups,
        String section,
        String language,
        String byline,
        String author,
        Instant from,
        Instant to,
        Order orderBy,
        Visibility visibility) {

    private static final int MAX_TAG_FILTER = 20;

    /** The newest public articles with these optional filters (feeds). */
    public static ArticleCriteria newestPublic(String tag, String section, String language) {
        return newest(tag, section, language, Visibility.PUBLISHED);
    }

    /** The newest public articles allowed for syndication, with these optional filters (partners' feeds). */
    public static ArticleCriteria newestSyndicated(String tag, String section, String language) {
        return newest(tag, section, language, Visibility.SYNDICATED);
    }

    private static ArticleCriteria newest(String tag, String section, String language, Visibility visibility) {
        return new ArticleCriteria(
                parseTagFilter(QueryParams.text("tag", tag, 2000)),
                section(section),
                language(language),
                null,
                null,
                null,
                null,
                Order.NEWEST,
                visibility);
    }

    /** An author filter: an author's slug. */
    public static String author(String raw) {
        String value = QueryParams.text("author", raw, Slugs.MAX_LENGTH);
        if (value != null && !Slugs.isValid(value)) {
            throw ProblemException.badRequest("author", "must be an author's slug such as rania-aziz");
        }
        return value;
    }

    /** A section filter: a lowercase slug path. */
    public static String section(String raw) {
        String value = QueryParams.text("section", raw, 200);
        if (value != null && !value.matches(ArticleDtos.SECTION_PATTERN)) {
            throw ProblemException.badRequest("section", "must be a lowercase slug path such as world/middle-east");
        }
        return value;
    }

    /** A language filter, canonicalized like stored languages. */
    public static String language(String raw) {
        String value = QueryParams.text("language", raw, 35);
        if (value == null) {
            return null;
        }
        if (!value.matches(ArticleDtos.LANGUAGE_PATTERN)) {
            throw ProblemException.badRequest("language", "must be a BCP 47 language tag such as en");
        }
        return Locale.forLanguageTag(value).toLanguageTag();
    }

    /** Parses the Guardian tag syntax: comma-separated groups that must all match, each a pipe-separated alternative. */
    public static List<List<String>> parseTagFilter(String raw) {
        List<List<String>> groups = new ArrayList<>();
        if (raw == null) {
            return groups;
        }
        int count = 0;
        for (String group : raw.split(",", -1)) {
            List<String> slugs =
                    Arrays.stream(group.split("\\|", -1)).map(String::trim).toList();
            if (slugs.stream().anyMatch(String::isEmpty)) {
                slugs = List.of();
            }
            if (slugs.isEmpty()) {
                throw ProblemException.badRequest("tag", "must be tag slugs joined by ',' (both) or '|' (either)");
            }
            for (String slug : slugs) {
                if (!Slugs.isValid(slug)) {
                    throw ProblemException.badRequest("tag", "'" + QueryParams.printable(slug) + "' is not a tag slug");
                }
            }
            count += slugs.size();
            groups.add(slugs);
        }
        if (count > MAX_TAG_FILTER) {
            throw ProblemException.badRequest("tag", "at most " + MAX_TAG_FILTER + " tags");
        }
        return groups;
    }

    @Schema(name = "ArticleOrder", description = "Order of an article list")
    public enum Order {
        NEWEST,
        OLDEST,
        UPDATED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which articles a list may show: the public sees only published ones whose time has come. */
    @Schema(name = "ArticleVisibility", description = "Editorial status an article list shows (`any`: all of them)")
    public enum Visibility {
        PUBLISHED,
        DRAFT,
        ARCHIVED,
        KILLED,
        /** Public now or under embargo, and allowed for syndication: what partners' feeds carry. */
        SYNDICATED,
        ANY;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
