package app.newsroom.tag;

import java.util.Locale;

/** Filters and order of GET /tags. */
public record TagCriteria(String q, TagType type, Order orderBy) {

    public enum Order {
        NAME,
        POPULAR,
        RELEVANCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
