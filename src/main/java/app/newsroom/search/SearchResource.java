package app.newsroom.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.ArticleCriteria;
import app.newsroom.article.ArticleFilters;
import app.newsroom.article.ArticleKeys;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.Fields;
import app.newsroom.common.http.Links;
import app.newsroom.common.http.PagingParams;
import app.newsroom.common.http.QueryLimit;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.Examples;
import app.newsroom.search.SearchDtos.SearchResult;
import app.newsroom.search.SearchDtos.SuggestionList;

@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Ranked full-text search, autocomplete and related articles")
public class SearchResource {

    static final String QUERY_SYNTAX = "Web-search syntax: words (all must match: `putin moscow`), a quoted phrase "
            + "(`\"naval base\"`), `OR` between alternatives (`tartous OR hmeimim`), a leading `-` to exclude "
            + "(`syria -drought`). Matching is stemmed by each article's language (`talks` finds `talk`) and ignores "
            + "accents (`cafe` finds `café`); punctuation and operators out of place are ignored, never an error.";

    private final SearchService search;
    private final SuggestService suggestions;
    private final CacheableResponses responses;
    private final NewsroomConfig config;

    SearchResource(
            SearchService search, SuggestService suggestions, CacheableResponses responses, NewsroomConfig config) {
        this.search = search;
        this.suggestions = suggestions;
        this.responses = responses;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "searchArticles",
            summary = "Search articles",
            description =
                    "Full-text search over published articles' headline, standfirst and body. " + QUERY_SYNTAX
                            + "\n\nRanking (`orderBy=relevance`, the default): a headline match outranks a standfirst match, "
                            + "which outranks a body match; within each, `ts_rank_cd` with weights headline 1.0, standfirst 0.4, "
                            + "body 0.2 and length normalization; ties by recency, then id, so pages are stable. To stay fast on "
                            + "words found in half the corpus, each run of 200 results ranks exactly the 200 best candidates by a "
                            + "cheap headline/standfirst score (for very common words, drawn from the articles where they weigh "
                            + "most there), so an article matching only in its body can rank lower than a full ranking would "
                            + "place it. `orderBy=newest` sorts matches by publication time.\n\n"
                            + "All filters of `GET /articles` apply. `facets=tag,section` adds counts over all matches. "
                            + "`totalItems` and facets are counted at most every 10 seconds per query (up to every 30 seconds "
                            + "for counts that take long, such as a word in half the corpus), and an expired count is answered "
                            + "while it is counted again, so they may lag writes by up to a minute for a query asked rarely; so "
                            + "may the set of articles matching a quoted phrase (each is checked again when shown) and the "
                            + "`suggestion`. When nothing matches, `suggestion` "
                            + "proposes the query with unknown words replaced by the closest words in the corpus that make it match.")
    @APIResponse(
            responseCode = "200",
            description = "A page of matches",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchResult.class),
                            examples = {
                                @ExampleObject(name = "matches", value = Examples.SEARCH_RESULT),
                                @ExampleObject(name = "no match, with a suggestion", value = Examples.SEARCH_EMPTY)
                            }))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    public Response search(
            @Parameter(
                            description = "What to look for (1–500 characters). " + QUERY_SYNTAX,
                            required = true,
                            example = "putin \"naval base\" -drought")
                    @QueryParam("q")
                    String q,
            @BeanParam ArticleFilters filters,
            @Parameter(description = "Order", schema = @Schema(ref = "SearchOrder", defaultValue = "relevance"))
                    @QueryParam("orderBy")
                    String orderBy,
            @Parameter(
                            description =
                                    "Facets to count over all matches, comma-separated: `tag`, `section` (e.g. `tag,section`)")
                    @QueryParam("facets")
                    String facets,
            @BeanParam PagingParams paging,
            @BeanParam Fields.Param fields,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Fields selected = fields.of(SearchDtos.HIT_FIELDS, Fields.Shape.ITEMS);
        String text = QueryParams.text("q", q, config.search().maxQueryLength());
        if (text == null) {
            throw ProblemException.badRequest("q", "must not be blank");
        }
        ArticleCriteria criteria = filters.criteria(ArticleCriteria.Order.NEWEST, ArticleCriteria.Visibility.PUBLISHED);
        List<String> facetNames = facetNames(facets);
        SearchService.Request request = new SearchService.Request(
                text,
                criteria,
                QueryParams.enumParam("orderBy", orderBy, SearchService.Order.class, SearchService.Order.RELEVANCE),
                paging.request(config),
                facetNames.contains("tag"),
                facetNames.contains("section"));
        SearchResult result = search.search(request);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.SEARCH);
        ArticleKeys.filterTags(criteria).forEach(slug -> keys.add(SurrogateKeys.tag(slug)));
        result.items()
                .forEach(hit ->
                        ArticleKeys.add(keys, hit.summary().id(), hit.summary().relatedLinks()));
        return responses.json(
                headers, result, selected, CachePolicy.Kind.SEARCH, keys, null, null, Links.paging(uri, result.page()));
    }

    private static List<String> facetNames(String raw) {
        String value = QueryParams.text("facets", raw, 100);
        if (value == null) {
            return List.of();
        }
        List<String> names =
                Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        for (String name : names) {
            if (!name.equals("tag") && !name.equals("section")) {
                throw ProblemException.badRequest("facets", "must be a comma-separated list of tag and section");
            }
        }
        return names;
    }

    @GET
    @PermitAll
    @Path("/suggest")
    @Operation(
            operationId = "suggestSearch",
            summary = "Autocomplete a search",
            description = "Tags and published headlines that start with, contain or closely resemble `q` (case- and "
                    + "accent-insensitive), best first: prefix matches, then matches at a word start, then others; "
                    + "tags take up to half the list, headlines (newest first among equals) the rest. Served from "
                    + "trigram and prefix indexes, cheap enough for every keystroke.")
    @APIResponse(
            responseCode = "200",
            description = "Suggestions, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SuggestionList.class),
                            examples = @ExampleObject(name = "suggestions", value = Examples.SUGGESTIONS)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    public Response suggest(
            @Parameter(description = "What the user typed so far (1–100 characters)", required = true, example = "puti")
                    @QueryParam("q")
                    String q,
            @Parameter(ref = QueryLimit.Refs.SUGGESTIONS) @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        String text = QueryParams.text("q", q, 100);
        if (text == null) { // absent or blank
            throw ProblemException.badRequest("q", "must not be blank");
        }
        int max = QueryLimit.SUGGESTIONS.parse(limit, config);
        // suggestions show tags and headlines: new tags and any article change may change them
        return responses.json(
                headers,
                new SuggestionList(suggestions.suggest(text, max)),
                CachePolicy.Kind.SEARCH,
                Set.of(SurrogateKeys.SEARCH, SurrogateKeys.TAGS),
                null,
                null,
                null);
    }
}
