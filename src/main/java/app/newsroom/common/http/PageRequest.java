package app.newsroom.common.http;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;

/** A validated page request: 1-based page number and page size within the configured limits. */
public record PageRequest(int number, int size) {

    public int offset() {
        return (number - 1) * size;
    }

    /** A page of a list; one deeper than the configured depth is a 400 that points to /changes. */
    public static PageRequest of(int number, int size, NewsroomConfig.Paging limits) {
        if ((long) number * size > limits.maxDepth()) {
            throw ProblemException.badRequest(
                    "page",
                    "page * pageSize must not exceed " + limits.maxDepth()
                            + "; use GET /api/v1/changes for full exports");
        }
        return new PageRequest(number, size);
    }
}
