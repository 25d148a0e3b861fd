package app.newsroom.author;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import com.fasterxml.jackson.annotation.JsonValue;

import app.newsroom.author.AuthorDtos.AuthorRequest;
import app.newsroom.author.AuthorDtos.AuthorResponse;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.http.Links;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.common.http.PagingParams;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Role;

@Path("/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors", description = "The people credited on articles: name, bio, portrait and links")
public class AuthorResource {

    private final AuthorService service;
    private final CacheableResponses responses;
    private final Validation validation;
    private final NewsroomConfig config;

    AuthorResource(AuthorService service, CacheableResponses responses, Validation validation, NewsroomConfig config) {
        this.service = service;
        this.responses = responses;
        this.validation = validation;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listAuthors",
            summary = "List authors",
            description = "Authors, paged. `q` matches name or slug by prefix, or closely (trigram similarity) to "
                    + "forgive typos; without `orderBy` the closest matches come first. `articleCount` counts "
                    + "published, public articles.")
    @APIResponse(
            responseCode = "200",
            description = "A page of authors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorPage.class),
                            examples = @ExampleObject(name = "authors", value = AuthorExamples.PAGE)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    public Response list(
            @Parameter(description = "Prefix or fuzzy match on name and slug", example = "zoe") @QueryParam("q")
                    String q,
            @Parameter(
                            description =
                                    "Order: `name` (A–Z) or `popular` (most published articles first). Default: closest match "
                                            + "when `q` is given, else name.",
                            schema = @Schema(implementation = PublicOrder.class))
                    @QueryParam("orderBy")
                    String orderBy,
            @BeanParam PagingParams paging,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        String query = QueryParams.text("q", q, 200);
        AuthorCriteria.Order order = orderBy == null || orderBy.isBlank()
                ? AuthorCriteria.Order.RELEVANCE
                : QueryParams.enumParam("orderBy", orderBy, PublicOrder.class, null).order;
        PageRequest page = paging.request(config);
        Page<AuthorResponse> result = service.list(new AuthorCriteria(query, order), page);
        return responses.json(
                headers,
                result,
                CachePolicy.Kind.LIST,
                keys(result.items()),
                null,
                null,
                Links.paging(uri, result.page()));
    }

    @GET
    @PermitAll
    @Path("/{slug}")
    @Operation(
            operationId = "getAuthor",
            summary = "Get an author",
            description = "One author by its slug, with its count of published, public articles.")
    @APIResponse(
            responseCode = "200",
            description = "The author",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorResponse.class),
                            examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No author with this slug")
    public Response get(
            @Parameter(description = "The author's slug", example = "zoe-angstrom") @PathParam("slug") String slug,
            @Context HttpHeaders headers) {
        AuthorResponse author = service.get(slug).orElseThrow(() -> notFound(slug));
        return responses.json(
                headers, author, CachePolicy.Kind.LIST, keys(List.of(author)), AuthorService.etag(author), null, null);
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAuthor",
            summary = "Create an author",
            description = "Creates an author. Without a slug, one is generated from the name (non-Latin names are "
                    + "transliterated), with `-2`, `-3`... when taken; a slug given that is taken is a 409.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorRequest.class),
                            examples = @ExampleObject(name = "author", value = AuthorExamples.REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new author",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "Strong validator of the author",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorResponse.class),
                            examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(AuthorRequest request, @Context UriInfo uri) {
        AuthorResponse author = service.create(validation.check(request));
        URI location =
                uri.getBaseUriBuilder().path("authors").path(author.slug()).build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, AuthorService.etag(author))
                .entity(author)
                .build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceAuthor",
            summary = "Replace an author",
            description = "Replaces the name, slug, bio, image and links of an author. A body slug other than the "
                    + "path's renames the author when no other author has it (409 otherwise); absent, the slug stays. "
                    + "Honours `If-Match`.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorRequest.class),
                            examples = @ExampleObject(name = "author", value = AuthorExamples.REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The replaced author",
            headers =
                    @Header(
                            name = "ETag",
                            description = "Strong validator of the author",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorResponse.class),
                            examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "404", description = "No author with this slug")
    @APIResponse(
            responseCode = "409",
            description = "The new slug is taken, or the author was changed by another request meanwhile")
    public Response replace(
            @Parameter(description = "The author's slug", example = "zoe-angstrom") @PathParam("slug") String slug,
            @Parameter(
                            description = "Only replace when the author still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            AuthorRequest request,
            @Context HttpHeaders headers) {
        AuthorResponse author = service.replace(slug, validation.check(request), ExpectedVersion.ifMatch(ifMatch))
                .orElseThrow(() -> notFound(slug));
        return Response.ok(author)
                .header(HttpHeaders.ETAG, AuthorService.etag(author))
                .build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{slug}")
    @Operation(
            operationId = "deleteAuthor",
            summary = "Delete an author",
            description = "Deletes an author that no article credits. With `force=true`, an author still credited is "
                    + "first removed from every article (each article's version and update time move on), all or "
                    + "nothing. Honours `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No author with this slug")
    @APIResponse(
            responseCode = "409",
            description = "Articles (of any status) still credit the author, and `force` is not true; the detail says "
                    + "how many",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "credited", value = AuthorExamples.HAS_ARTICLES)))
    public Response delete(
            @Parameter(description = "The author's slug", example = "zoe-angstrom") @PathParam("slug") String slug,
            @Parameter(
                            description = "Remove the author from every article that credits it, then delete it",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("force")
                    String force,
            @Parameter(
                            description = "Only delete when the author still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Context HttpHeaders headers) {
        if (!service.delete(slug, QueryParams.flag("force", force), ExpectedVersion.ifMatch(ifMatch))) {
            throw notFound(slug);
        }
        return Response.noContent().build();
    }

    /** Author pages change with their authors, and with the set of public articles (their counts). */
    private static Set<String> keys(List<AuthorResponse> authors) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.AUTHORS);
        authors.forEach(a -> keys.add(SurrogateKeys.author(a.slug())));
        return keys;
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("No author with the slug '" + QueryParams.printable(slug) + "'");
    }

    /** The orders a client may name. */
    @Schema(name = "AuthorOrder", description = "Order of an author list")
    public enum PublicOrder {
        NAME(AuthorCriteria.Order.NAME),
        POPULAR(AuthorCriteria.Order.POPULAR);

        final AuthorCriteria.Order order;

        PublicOrder(AuthorCriteria.Order order) {
            this.order = order;
        }

        @JsonValue
        @Override
        public String toString() {
            return order.toString();
        }
    }

    @Schema(name = "AuthorPage", description = "A page of authors")
    record AuthorPage(List<AuthorResponse> items, Page.PageInfo page) {}
}
