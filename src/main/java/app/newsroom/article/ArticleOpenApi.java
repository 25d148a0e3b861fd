package app.newsroom.article;

/** Names the article operations share in the OpenAPI document (the component itself is in package-info). */
final class ArticleOpenApi {

    static final String WRITTEN = "ArticleWritten";

    /** The path parameter of the writes, which address an article by id. */
    static final String ID = "Article id (UUID); writes address an article by id only, a slug answers 404";

    private ArticleOpenApi() {}
}
