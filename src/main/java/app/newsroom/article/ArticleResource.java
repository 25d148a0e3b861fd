package app.newsroom.article;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.ArticleDtos.ArticlePage;
import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.http.Fields;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.Links;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.common.http.PagingParams;
import app.newsroom.common.http.Previews;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.Examples;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Callers;
import app.newsroom.security.Role;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "News articles with their tags and Related Stories")
public class ArticleResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String NDJSON = "application/x-ndjson";

    private final ArticleService service;
    private final CacheableResponses responses;
    private final NewsroomConfig config;
    private final SecurityIdentity caller;
    private final ArticleImporter importer;

    ArticleResource(
            ArticleService service,
            CacheableResponses responses,
            NewsroomConfig config,
            SecurityIdentity caller,
            ArticleImporter importer) {
        this.importer = importer;
        this.service = service;
        this.responses = responses;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listArticles",
            summary = "List articles",
            description = "Published articles in summary form (no body), newest first, paged. Tag filters use the "
                    + "Guardian syntax: `tag=syria,russia` needs both, `tag=syria|russia` either; groups combine "
                    + "(`tag=syria,russia|ukraine`). Editors (a key with role editor or admin) may list drafts or "
                    + "archived articles with `status`; for anyone else `status` other than published is a 401 or 403.")
    @APIResponse(
            responseCode = "200",
            description = "A page of articles",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticlePage.class),
                            examples = @ExampleObject(name = "articles", value = Examples.ARTICLE_PAGE)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "403", description = "`status` other than published with a key that is not an editor's")
    public Response list(
            @BeanParam ArticleFilters filters,
            @Parameter(description = "Order", schema = @Schema(ref = "ArticleOrder", defaultValue = "newest"))
                    @QueryParam("orderBy")
                    String orderBy,
            @Parameter(
                            description =
                                    "Editorial status to list (editors): published (default), draft, archived, killed, "
                                            + "syndicated (what partners' feeds carry: public or under embargo, "
                                            + "allowed for syndication) or any",
                            schema = @Schema(ref = "ArticleVisibility", defaultValue = "published"))
                    @QueryParam("status")
                    String status,
            @BeanParam PagingParams paging,
            @BeanParam Fields.Param fields,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Fields selected = fields.of(ArticleDtos.SUMMARY_FIELDS, Fields.Shape.ITEMS);
        ArticleCriteria criteria = filters.criteria(
                QueryParams.enumParam("orderBy", orderBy, ArticleCriteria.Order.class, ArticleCriteria.Order.NEWEST),
                QueryParams.enumParam(
                        "status", status, ArticleCriteria.Visibility.class, ArticleCriteria.Visibility.PUBLISHED));
        if (criteria.visibility() != ArticleCriteria.Visibility.PUBLISHED) {
            Callers.requireEditor(caller);
        }
        PageRequest page = paging.request(config);
        Page<ArticleSummary> result = service.list(criteria, page);
        String collection = criteria.orderBy() == ArticleCriteria.Order.UPDATED
                ? SurrogateKeys.ARTICLES_BY_UPDATE
                : SurrogateKeys.ARTICLES;
        return responses.json(
                headers,
                result,
                selected,
                CachePolicy.Kind.LIST,
                ArticleKeys.ofSummaries(collection, result.items(), ArticleKeys.filterTags(criteria)),
                null,
                null,
                Links.paging(uri, result.page()));
    }

    @GET
    @PermitAll
    @Path("/{idOrSlug}")
    @Produces({MediaType.APPLICATION_JSON, Ninjs.MEDIA_TYPE})
    @Operation(operationId = "getArticle", summary = "Get an article", description = ArticleOpenApi.GET)
    @APIResponse(
            responseCode = "200",
            description = "The article",
            headers = {
                @Header(
                        name = "Last-Modified",
                        description = "When the article (or what it shows of tags and linked articles) last changed",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "X-Robots-Tag",
                        description = "`noindex` on an answer to a preview token",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ArticleResponse.class),
                        examples = @ExampleObject(name = "article", value = Examples.ARTICLE)),
                @Content(
                        mediaType = Ninjs.MEDIA_TYPE,
                        schema = @Schema(implementation = Ninjs.class),
                        examples = @ExampleObject(name = "ninjs", value = Examples.NINJS))
            })
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy is current")
    @APIResponse(responseCode = "404", description = "No published article with this id or slug")
    public Response get(
            @Parameter(
                            description = "Article id (UUID) or slug",
                            example = "syrias-interim-president-meets-putin-in-moscow")
                    @PathParam("idOrSlug")
                    String idOrSlug,
            @Parameter(
                            description = "`ninjs`: the article as an IPTC ninjs 2.2 news item (as `Accept: "
                                    + "application/ninjs+json`); `json` (default): newsroom's own form",
                            schema =
                                    @Schema(
                                            enumeration = {"json", "ninjs"},
                                            defaultValue = "json"))
                    @QueryParam("format")
                    String format,
            @Parameter(description = "ETags the client holds", schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-None-Match")
                    String ifNoneMatch,
            @Parameter(description = "HTTP date of the client's copy", schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Modified-Since")
                    String ifModifiedSince,
            @BeanParam Fields.Param fields,
            @Parameter(description = ArticleOpenApi.PREVIEW) @QueryParam(Previews.PARAMETER) String preview,
            @Context HttpHeaders headers) {
        boolean ninjs = Ninjs.wanted(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        Fields selected = fields.of(ArticleDtos.FULL_FIELDS, Fields.Shape.ONE);
        if (ninjs && fields.given()) {
            throw ProblemException.badRequest(Fields.PARAMETER, "selects fields of the JSON form, not of ninjs");
        }
        String token = Previews.token(preview, headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token != null) { // judged by the token alone: a wrong one is a 404 whatever the article's status
            if (ninjs) {
                throw ProblemException.badRequest(Previews.PARAMETER, "previews are served in newsroom's JSON form");
            }
            ArticleView view = service.findForPreview(idOrSlug, token)
                    .orElseThrow(() -> ProblemException.notFound(
                            "No published article with id or slug '" + QueryParams.printable(idOrSlug) + "'"));
            return responses.unshared(headers, view.full(), selected, view.etag(), view.lastModified());
        }
        boolean editor = caller.hasRole(Role.EDITOR_ROLE);
        ArticleView view = (editor
                        ? service.findAnyStatus(idOrSlug)
                        : Callers.partnerOnly(caller)
                                ? service.findForPartners(idOrSlug)
                                : service.findPublic(idOrSlug))
                .orElseThrow(() -> ProblemException.notFound((editor ? "No article" : "No published article")
                        + " with id or slug '" + QueryParams.printable(idOrSlug) + "'"));
        if (ninjs) { // its own ETag, from its bytes
            return responses.json(
                    headers,
                    Ninjs.of(view.full()),
                    Ninjs.MEDIA_TYPE,
                    CachePolicy.Kind.ARTICLE,
                    view.keys(),
                    null,
                    view.lastModified(),
                    null);
        }
        return responses.json(
                headers,
                view.full(),
                selected,
                CachePolicy.Kind.ARTICLE,
                view.keys(),
                view.etag(),
                view.lastModified(),
                null);
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createArticle",
            summary = "Create an article",
            description = "Creates an article (default status draft). The slug is generated from the headline when "
                    + "absent, transliterated to ASCII, with -2, -3... on a clash; a slug given by the client that is "
                    + "taken is a 409. The body is sanitized; tags are matched by slug or created as topics.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleRequest.class),
                            examples = @ExampleObject(name = "article", value = Examples.ARTICLE_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new article",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "Strong validator of the article",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "Last-Modified",
                        description = "When the article last changed (HTTP date)",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleResponse.class),
                            examples = @ExampleObject(name = "article", value = Examples.ARTICLE)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(ArticleRequest request, @Context UriInfo uri) {
        ArticleView view = service.create(request);
        URI location = uri.getBaseUriBuilder()
                .path("articles")
                .path(view.id().toString())
                .build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, view.etag())
                .lastModified(HttpCaching.httpDate(view.lastModified()))
                .entity(view.full())
                .build();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Consumes(NDJSON)
    @Operation(
            operationId = "importArticles",
            summary = "Import articles from NDJSON",
            description = "Bulk upsert by slug: one article per line, in the request shape of POST /articles (at most "
                    + "10,000 lines, 64 MiB). A line whose slug exists updates that article; any other line creates "
                    + "one. Each line is validated like POST /articles and applied whole or not at all; a bad line "
                    + "never stops the others. The answer reports every line (1-based number, result, id and slug, or "
                    + "errors) and totals. Blank lines are skipped: they keep their number but get no entry. Lines "
                    + "beyond the 10,000th are not applied; each is reported as an error on `(line)`. The 64 MiB limit "
                    + "replaces the 1 MiB of other bodies: 10,000 ordinary articles weigh ~46 MB.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description = "One ArticleRequest as JSON per line")))
    @APIResponse(
            responseCode = "200",
            description = "What became of each line (also when some failed)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDtos.Report.class),
                            examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    @APIResponse(
            responseCode = "413",
            description = "The body is over 64 MiB (newsroom.limits.max-import-size)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "too large", value = Examples.IMPORT_TOO_LARGE)))
    public ImportDtos.Report importArticles(InputStream body) {
        return importer.importLines(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceArticle",
            summary = "Replace an article",
            description = "Replaces every writable field (absent optional fields are cleared; an absent slug keeps the "
                    + "current one). A body `id` must equal the path's. Honours `If-Match`: a stale ETag is a 412.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleRequest.class),
                            examples = @ExampleObject(name = "article", value = Examples.ARTICLE_REQUEST)))
    @APIResponse(responseCode = "200", ref = ArticleOpenApi.WRITTEN)
    @APIResponse(responseCode = "404", description = "No article with this id")
    @APIResponse(responseCode = "409", description = "The slug is taken, or a concurrent write won")
    public Response replace(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("idOrSlug")
                    String id,
            @Parameter(
                            description = "Only replace when the article still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            ArticleRequest request,
            @Context HttpHeaders headers) {
        ArticleView view = service.replace(ArticleAnswers.articleId(id), request, ExpectedVersion.ifMatch(ifMatch))
                .orElseThrow(() -> ArticleAnswers.notFound(id));
        return ArticleAnswers.written(view);
    }

    @PATCH
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{idOrSlug}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchArticle",
            summary = "Update part of an article",
            description = "JSON Merge Patch (RFC 7396): members present replace, `null` removes, objects merge. The "
                    + "merged article is validated as a whole. Honours `If-Match`: a stale ETag is a 412.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "A JSON merge patch of ArticleRequest"),
                            examples = @ExampleObject(name = "retitle", value = Examples.ARTICLE_PATCH)))
    @APIResponse(responseCode = "200", ref = ArticleOpenApi.WRITTEN)
    @APIResponse(responseCode = "404", description = "No article with this id")
    @APIResponse(responseCode = "409", description = "The slug is taken, or a concurrent write won")
    public Response patch(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("idOrSlug")
                    String id,
            @Parameter(
                            description = "Only patch when the article still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            String patch,
            @Context HttpHeaders headers) {
        ArticleView view = service.patch(ArticleAnswers.articleId(id), patch, ExpectedVersion.ifMatch(ifMatch))
                .orElseThrow(() -> ArticleAnswers.notFound(id));
        return ArticleAnswers.written(view);
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{idOrSlug}")
    @Operation(
            operationId = "deleteArticle",
            summary = "Delete an article",
            description =
                    "Deletes an article; a later GET is 404 and internal links to it drop out. Honours `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No article with this id")
    public Response delete(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("idOrSlug")
                    String id,
            @Parameter(
                            description = "Only delete when the article still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Context HttpHeaders headers) {
        if (!service.delete(ArticleAnswers.articleId(id), ExpectedVersion.ifMatch(ifMatch))) {
            throw ArticleAnswers.notFound(id);
        }
        return Response.noContent().build();
    }
}
