package app.newsroom.common.http;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;

/** A validated page request: 1-based page number and page size within the configured limits. */
public record PageRequest(int number, int size) {

    public int offset() {
        return (number - 1) * size;
    }

    /** Parses the {@code page} and {@code pageSize} query parameters; every violation is a 400 naming the parameter. */
    public static PageRequest parse(String page, String pageSize, NewsroomConfig.Paging limits) {
        int number = QueryParams.intParam("page", page, 1, 1, Integer.MAX_VALUE);
        int size = QueryParams.intParam("pageSize", pageSize, limits.defaultPageSize(), 1, limits.maxPageSize());
        if ((long) number * size > limits.maxDepth()) {
            throw ProblemException.badRequest(
                    "page",
                    "page * pageSize must not exceed " + limits.maxDepth()
                            + "; use GET /api/v1/changes for full exports");
        }
        return new PageRequest(number, size);
    }
}
