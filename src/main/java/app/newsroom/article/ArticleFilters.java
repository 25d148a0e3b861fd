package app.newsroom.article;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import app.newsroom.common.http.QueryParams;

/** The filters GET /articles and GET /search share, as one {@code @BeanParam}. */
public class ArticleFilters {

    @Parameter(description = "Tag slugs: `a,b` both, `a|b` either (at most 20 slugs), e.g. `syria,russia`")
    @QueryParam("tag")
    String tag;

    @Parameter(description = "Section slug path; matches the section and everything below it, e.g. `world`")
    @QueryParam("section")
    String section;

    @Parameter(description = "BCP 47 language tag, e.g. `en`")
    @QueryParam("language")
    String language;

    @Parameter(
            description = "Byline as written (agency copy), exact (case-insensitive), e.g. `Staff reporter`; for "
                    + "credited authors use `author`")
    @QueryParam("byline")
    String byline;

    @Parameter(description = "Credited to this author (slug, GET /authors), e.g. `rania-aziz`")
    @QueryParam("author")
    String author;

    @Parameter(description = "Published at or after: date (`2026-11-01`) or RFC 3339 date-time")
    @QueryParam("from")
    String from;

    @Parameter(description = "Published before the end of this date (`2026-11-30`), or before this date-time")
    @QueryParam("to")
    String to;

    /** The validated criteria; every bad value is a 400 naming its parameter. */
    public ArticleCriteria criteria(ArticleCriteria.Order order, ArticleCriteria.Visibility visibility) {
        return new ArticleCriteria(
                ArticleCriteria.parseTagFilter(QueryParams.text("tag", tag, 2000)),
                ArticleCriteria.section(section),
                ArticleCriteria.language(language),
                QueryParams.text("byline", byline, 200),
                ArticleCriteria.author(author),
                QueryParams.instant("from", from, false),
                QueryParams.instant("to", to, true),
                order,
                visibility);
    }
}
