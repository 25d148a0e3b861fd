package app.newsroom.article;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import app.newsroom.common.Ids;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.QueryParams;

/** What the article endpoints answer to a write, and to a path that names no article. */
final class ArticleAnswers {

    private ArticleAnswers() {}

    /** The answer to a write: the article as written, with its new ETag. */
    static Response written(ArticleView view) {
        return Response.ok(view.full())
                .header(HttpHeaders.ETAG, view.etag())
                .lastModified(HttpCaching.httpDate(view.lastModified()))
                .build();
    }

    /** Writes address articles by id; anything else in the path cannot name one. */
    static UUID articleId(String raw) {
        return Ids.parse(raw).orElseThrow(() -> notFound(raw));
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No article with id '" + QueryParams.printable(id) + "'");
    }
}
