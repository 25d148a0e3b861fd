package app.newsroom.article;

/** Names the article operations share in the OpenAPI document (the component itself is in package-info). */
final class ArticleOpenApi {

    static final String WRITTEN = "ArticleWritten";

    /** The path parameter of the writes, which address an article by id. */
    static final String ID = "Article id (UUID); writes address an article by id only, a slug answers 404";

    /** What GET /articles/{idOrSlug} does. */
    static final String GET = "One published article in full form, by id or slug. Drafts, archived and scheduled "
            + "articles answer 404 to the public and to partners; editors see them, and so does anyone with a preview "
            + "token for the article (`preview`). Conditional: `If-None-Match` (ETag) or `If-Modified-Since` answer "
            + "304. `fields` selects top-level fields. As an IPTC ninjs 2.2 news item with `format=ninjs` or "
            + "`Accept: application/ninjs+json` (tags by type as subjects, people, places, organisations and events; "
            + "related stories as associations).";

    /** The preview parameter of GET /articles/{idOrSlug}. */
    static final String PREVIEW = "A preview token (POST /articles/{id}/preview-tokens): the article whatever its "
            + "status (unless killed), in the JSON form (not ninjs), `private, no-store`, with its ETag and 304s; "
            + "better as `Authorization: Preview <token>`, which stays out of logs and browser history. A wrong, "
            + "expired or revoked token, or one for another article, is a 404.";

    private ArticleOpenApi() {}
}
