package app.newsroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Filters and order of GET /articles. {@code tagGroups} is the Guardian syntax parsed: every group must match (the
 * comma, AND), and within a group any slug may match (the pipe, OR).
 */
public record ArticleCriteria(List<List<String>> tagGroups, String section, String language, String byline,
        Instant from, Instant to, Order orderBy, Visibility visibility) {

    public enum Order {
        NEWEST, OLDEST, UPDATED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which articles a list may show: the public sees only published ones whose time has come. */
    public enum Visibility {
        PUBLISHED, DRAFT, ARCHIVED, ANY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
