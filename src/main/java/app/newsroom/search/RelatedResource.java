package app.newsroom.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.ArticleKeys;
import app.newsroom.article.ArticleService;
import app.newsroom.article.ArticleView;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.Fields;
import app.newsroom.common.http.QueryLimit;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.Examples;
import app.newsroom.search.SearchDtos.RelatedList;

@Path("/articles/{idOrSlug}/related")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class RelatedResource {

    private final RelatedService related;
    private final ArticleService articles;
    private final CacheableResponses responses;
    private final NewsroomConfig config;

    RelatedResource(
            RelatedService related, ArticleService articles, CacheableResponses responses, NewsroomConfig config) {
        this.related = related;
        this.articles = articles;
        this.responses = responses;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "relatedArticles",
            summary = "Related articles",
            description = "Suggested published articles related to a published one: those sharing its most informative "
                    + "tags (a rare tag weighs more than a common one: idf), then those whose headline and standfirst are "
                    + "most like its own, then the most recent. Never the article itself, the articles it already links "
                    + "to in its Related Stories, drafts or scheduled articles.")
    @APIResponse(
            responseCode = "200",
            description = "Related articles, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RelatedList.class),
                            examples = @ExampleObject(name = "related", value = Examples.RELATED)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No published article with this id or slug")
    public Response related(
            @Parameter(
                            description = "Article id (UUID) or slug",
                            example = "syrias-interim-president-meets-putin-in-moscow")
                    @PathParam("idOrSlug")
                    String idOrSlug,
            @Parameter(ref = QueryLimit.Refs.RELATED) @QueryParam("limit") String limit,
            @BeanParam Fields.Param fields,
            @Context HttpHeaders headers) {
        int max = QueryLimit.RELATED.parse(limit, config);
        Fields selected = fields.of(SearchDtos.RELATED_FIELDS, Fields.Shape.ITEMS);
        ArticleView article = articles.findPublic(idOrSlug)
                .orElseThrow(() -> ProblemException.notFound(
                        "No published article with id or slug '" + QueryParams.printable(idOrSlug) + "'"));
        List<SearchDtos.RelatedArticle> items = related.related(article.id(), max);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.RELATED);
        keys.add(SurrogateKeys.article(article.id()));
        items.forEach(item ->
                ArticleKeys.add(keys, item.summary().id(), item.summary().relatedLinks()));
        return responses.json(headers, new RelatedList(items), selected, CachePolicy.Kind.LIST, keys, null, null, null);
    }
}
