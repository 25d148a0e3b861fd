package app.newsroom.tag;

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
import app.newsroom.common.openapi.Examples;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Role;
import app.newsroom.tag.TagDtos.TagRequest;
import app.newsroom.tag.TagDtos.TagResponse;

@Path("/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "Topics, people, places, organizations and events that articles are tagged with")
public class TagResource {

    private final TagService service;
    private final CacheableResponses responses;
    private final Validation validation;
    private final NewsroomConfig config;

    TagResource(TagService service, CacheableResponses responses, Validation validation, NewsroomConfig config) {
        this.service = service;
        this.responses = responses;
        this.validation = validation;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listTags",
            summary = "List tags",
            description =
                    "Tags, paged. `q` matches name or slug by prefix, or closely (trigram similarity) to forgive "
                            + "typos; without `orderBy` the closest matches come first. `articleCount` counts published articles.")
    @APIResponse(
            responseCode = "200",
            description = "A page of tags",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagPage.class),
                            examples = @ExampleObject(name = "tags", value = Examples.TAG_PAGE)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    public Response list(
            @Parameter(description = "Prefix or fuzzy match on name and slug", example = "puti") @QueryParam("q")
                    String q,
            @Parameter(description = "Only tags of this type", schema = @Schema(implementation = TagType.class))
                    @QueryParam("type")
                    String type,
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
        TagType tagType = QueryParams.enumParam("type", type, TagType.class, null);
        TagCriteria.Order order = orderBy == null || orderBy.isBlank()
                ? TagCriteria.Order.RELEVANCE
                : QueryParams.enumParam("orderBy", orderBy, PublicOrder.class, null).order;
        PageRequest page = paging.request(config);
        Page<TagResponse> result = service.list(new TagCriteria(query, tagType, order), page);
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
            operationId = "getTag",
            summary = "Get a tag",
            description = "One tag by its slug, with its count of published articles.")
    @APIResponse(
            responseCode = "200",
            description = "The tag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagResponse.class),
                            examples = @ExampleObject(name = "tag", value = Examples.TAG)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No tag with this slug")
    public Response get(
            @Parameter(description = "The tag's slug", example = "vladimir-putin") @PathParam("slug") String slug,
            @Context HttpHeaders headers) {
        TagResponse tag = service.get(slug).orElseThrow(() -> notFound(slug));
        return responses.json(
                headers, tag, CachePolicy.Kind.LIST, keys(List.of(tag)), TagService.etag(tag), null, null);
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTag",
            summary = "Create a tag",
            description =
                    "Creates a tag. The slug is generated from the name when absent (non-Latin names are transliterated).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagRequest.class),
                            examples = @ExampleObject(name = "person", value = Examples.TAG_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new tag",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "ETag",
                        description = "Strong validator of the tag",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagResponse.class),
                            examples = @ExampleObject(name = "tag", value = Examples.TAG)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(TagRequest request, @Context UriInfo uri) {
        TagResponse tag = service.create(validation.check(request));
        URI location = uri.getBaseUriBuilder().path("tags").path(tag.slug()).build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, TagService.etag(tag))
                .entity(tag)
                .build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceTag",
            summary = "Replace a tag",
            description = "Replaces the name, type and description of a tag. The slug cannot change; a body slug that "
                    + "differs from the path is a 400. Honours `If-Match`.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagRequest.class),
                            examples = @ExampleObject(name = "person", value = Examples.TAG_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The replaced tag",
            headers =
                    @Header(
                            name = "ETag",
                            description = "Strong validator of the tag",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagResponse.class),
                            examples = @ExampleObject(name = "tag", value = Examples.TAG)))
    @APIResponse(responseCode = "404", description = "No tag with this slug")
    public Response replace(
            @Parameter(description = "The tag's slug", example = "vladimir-putin") @PathParam("slug") String slug,
            @Parameter(
                            description = "Only replace when the tag still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            TagRequest request,
            @Context HttpHeaders headers) {
        TagResponse tag = service.replace(slug, validation.check(request), ExpectedVersion.ifMatch(ifMatch))
                .orElseThrow(() -> notFound(slug));
        return Response.ok(tag).header(HttpHeaders.ETAG, TagService.etag(tag)).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_ROLE)
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Path("/{slug}")
    @Operation(
            operationId = "deleteTag",
            summary = "Delete a tag",
            description = "Deletes a tag and detaches it from every article that had it. Honours `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No tag with this slug")
    public Response delete(
            @Parameter(description = "The tag's slug", example = "vladimir-putin") @PathParam("slug") String slug,
            @Parameter(
                            description = "Only delete when the tag still has this ETag",
                            schema = @Schema(type = SchemaType.STRING))
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Context HttpHeaders headers) {
        if (!service.delete(slug, ExpectedVersion.ifMatch(ifMatch))) {
            throw notFound(slug);
        }
        return Response.noContent().build();
    }

    /** Tag pages change with their tags, and with the set of public articles (their counts). */
    private static Set<String> keys(List<TagResponse> tags) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.TAGS);
        tags.forEach(t -> keys.add(SurrogateKeys.tag(t.slug())));
        return keys;
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("No tag with the slug '" + slug + "'");
    }

    /** The orders a client may name. */
    @Schema(name = "TagOrder", description = "Order of a tag list")
    public enum PublicOrder {
        NAME(TagCriteria.Order.NAME),
        POPULAR(TagCriteria.Order.POPULAR);

        final TagCriteria.Order order;

        PublicOrder(TagCriteria.Order order) {
            this.order = order;
        }

        @JsonValue
        @Override
        public String toString() {
            return order.toString();
        }
    }

    @Schema(name = "TagPage", description = "A page of tags")
    record TagPage(List<TagResponse> items, Page.PageInfo page) {}
}
