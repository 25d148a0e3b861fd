package app.newsroom.author;

import java.util.Locale;

/** Filters and order of GET /authors. */
record AuthorCriteria(String q, Order orderBy) {

    enum Order {
        NAME,
        POPULAR,
        RELEVANCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
