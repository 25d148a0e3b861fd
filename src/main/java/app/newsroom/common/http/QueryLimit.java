package app.newsroom.common.http;

import app.newsroom.common.NewsroomConfig;

/**
 * The numeric query parameters, each declared once: its name, bounds and default (from configuration where they are
 * configurable). Resources parse them here and document them by reference ({@code @Parameter(ref = ...)}); the
 * OpenAPI document's {@code components/parameters} are written from here ({@code OpenApiErrors}), so the document
 * cannot say other bounds than the ones enforced.
 */
public enum QueryLimit {
    PAGE(Refs.PAGE, "page", "1-based page number"),
    PAGE_SIZE(Refs.PAGE_SIZE, "pageSize", "Items per page"),
    FEED_ITEMS(Refs.FEED_ITEMS, "limit", "Items in the feed"),
    CHANGES(Refs.CHANGES, "limit", "Most changes in the answer"),
    SUGGESTIONS(Refs.SUGGESTIONS, "limit", "Most suggestions"),
    RELATED(Refs.RELATED, "limit", "Most related articles"),
    DELIVERIES(Refs.DELIVERIES, "limit", "Most deliveries, newest first");

    /** The names of the parameters in the document's components, for {@code @Parameter(ref = ...)}. */
    public static final class Refs {
        public static final String PAGE = "page";
        public static final String PAGE_SIZE = "pageSize";
        public static final String FEED_ITEMS = "feedLimit";
        public static final String CHANGES = "changesLimit";
        public static final String SUGGESTIONS = "suggestLimit";
        public static final String RELATED = "relatedLimit";
        public static final String DELIVERIES = "deliveriesLimit";

        private Refs() {}
    }

    private final String ref;
    private final String parameter;
    private final String description;

    QueryLimit(String ref, String parameter, String description) {
        this.ref = ref;
        this.parameter = parameter;
        this.description = description;
    }

    public String ref() {
        return ref;
    }

    public String parameter() {
        return parameter;
    }

    public String description() {
        return description;
    }

    public int min() {
        return 1;
    }

    /** The largest value; none (Integer.MAX_VALUE) for the page number, which the depth bounds instead. */
    public int max(NewsroomConfig config) {
        return switch (this) {
            case PAGE -> Integer.MAX_VALUE;
            case PAGE_SIZE -> config.paging().maxPageSize();
            case FEED_ITEMS -> config.feeds().maxLimit();
            case CHANGES -> config.changes().maxLimit();
            case SUGGESTIONS, RELATED -> 20;
            case DELIVERIES -> 100;
        };
    }

    public int defaultValue(NewsroomConfig config) {
        return switch (this) {
            case PAGE -> 1;
            case PAGE_SIZE -> config.paging().defaultPageSize();
            case FEED_ITEMS -> config.feeds().defaultLimit();
            case CHANGES -> config.changes().defaultLimit();
            case SUGGESTIONS -> 10;
            case RELATED -> 5;
            case DELIVERIES -> 50;
        };
    }

    /** The value of the parameter: its default when absent, a 400 naming it when not a number within bounds. */
    public int parse(String raw, NewsroomConfig config) {
        return QueryParams.intParam(parameter, raw, defaultValue(config), min(), max(config));
    }
}
