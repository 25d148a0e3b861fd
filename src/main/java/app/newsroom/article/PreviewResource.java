package app.newsroom.article;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import app.newsroom.article.PreviewDtos.PreviewTokenCreated;
import app.newsroom.article.PreviewDtos.PreviewTokenList;
import app.newsroom.article.PreviewDtos.PreviewTokenRequest;
import app.newsroom.common.Ids;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Role;

/**
 * Draft previews: an editor mints a link that shows one article — a draft, a scheduled or an embargoed one — to
 * someone without a key (a reporter's source, a lawyer, the frontend's preview page), for a while.
 */
@Path("/articles/{id}/preview-tokens")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = OpenApiSecurity.SCHEME)
@Tag(name = "Articles")
public class PreviewResource {

    private static final String ARTICLE_ID = "Article id (UUID)";

    private final PreviewTokens tokens;
    private final Validation validation;

    PreviewResource(PreviewTokens tokens, Validation validation) {
        this.tokens = tokens;
        this.validation = validation;
    }

    @POST
    @RolesAllowed(Role.EDITOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPreviewToken",
            summary = "Mint a preview link",
            description = "A token that lets anyone holding it read this article as it is when they look, whatever "
                    + "its status: `GET /articles/{idOrSlug}?preview=<token>` or `Authorization: Preview <token>`. "
                    + "The answer is `private, no-store` and `X-Robots-Tag: noindex`. The token grants nothing "
                    + "else: no other article, no list, no write. It expires (default 1 hour, at most 7 days) and can "
                    + "be revoked; only its hash is stored. Role: editor.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PreviewTokenRequest.class),
                            examples = @ExampleObject(name = "a day", value = "{ \"expiresInSeconds\": 86400 }")))
    @APIResponse(
            responseCode = "201",
            description = "The token, shown this once",
            headers = {
                @Header(
                        name = "Location",
                        description = "The token's URL (DELETE it to revoke)",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "Cache-Control",
                        description = "`private, no-store`: the secret is kept by no cache",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PreviewTokenCreated.class),
                            examples = @ExampleObject(name = "token", value = """
                                    { "id": "0193a4e2-9a00-7000-8000-00000000000a",
                                      "token": "pv_2bX9kQ0mYpL7cV4rT1sW8nJ3hF6gD5aZ0eK2uI9oP4q",
                                      "expiresAt": "2026-11-27T10:30:00Z",
                                      "url": "https://api.example.com/api/v1/articles/\
                                    0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11?preview=\
                                    pv_2bX9kQ0mYpL7cV4rT1sW8nJ3hF6gD5aZ0eK2uI9oP4q" }""")))
    @APIResponse(responseCode = "404", description = "No article with this id")
    public Response create(
            @Parameter(description = ARTICLE_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            PreviewTokenRequest request,
            @Context UriInfo uri) {
        UUID articleId = ArticleAnswers.articleId(id);
        Long seconds = request == null ? null : validation.check(request).expiresInSeconds();
        PreviewTokens.Minted minted = tokens.mint(articleId, seconds).orElseThrow(() -> ArticleAnswers.notFound(id));
        URI url = uri.getBaseUriBuilder()
                .path("articles")
                .path(articleId.toString())
                .queryParam("preview", minted.token())
                .build();
        URI location = uri.getAbsolutePathBuilder().path(minted.id().toString()).build();
        return Response.created(location)
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.NO_STORE)
                .entity(new PreviewTokenCreated(minted.id(), minted.token(), minted.expiresAt(), url.toString()))
                .build();
    }

    @GET
    @RolesAllowed(Role.EDITOR_ROLE)
    @Operation(
            operationId = "listPreviewTokens",
            summary = "List an article's preview links",
            description = "Every token minted for the article, newest first, with when it expires and whether it was "
                    + "revoked; never the secret. Role: editor.")
    @APIResponse(
            responseCode = "200",
            description = "The tokens",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PreviewTokenList.class),
                            examples = @ExampleObject(name = "tokens", value = """
                                    { "items": [
                                        { "id": "0193a4e2-9a00-7000-8000-00000000000b",
                                          "createdAt": "2026-11-27T09:30:00Z", "expiresAt": "2026-11-28T09:30:00Z",
                                          "revokedAt": null, "active": true },
                                        { "id": "0193a4e2-9a00-7000-8000-00000000000a",
                                          "createdAt": "2026-11-26T09:30:00Z", "expiresAt": "2026-11-26T10:30:00Z",
                                          "revokedAt": "2026-11-26T09:45:00Z", "active": false } ] }""")))
    @APIResponse(responseCode = "404", description = "No article with this id")
    public PreviewTokenList list(
            @Parameter(description = ARTICLE_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new PreviewTokenList(
                tokens.list(ArticleAnswers.articleId(id)).orElseThrow(() -> ArticleAnswers.notFound(id)));
    }

    @DELETE
    @Path("/{tokenId}")
    @RolesAllowed(Role.EDITOR_ROLE)
    @Operation(
            operationId = "revokePreviewToken",
            summary = "Revoke a preview link",
            description = "The token stops working at once, on every instance. Role: editor.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "The article has no such token")
    public Response revoke(
            @Parameter(description = ARTICLE_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The token's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("tokenId")
                    String tokenId) {
        UUID token = Ids.parse(tokenId)
                .orElseThrow(() ->
                        ProblemException.notFound("No preview token with id '" + QueryParams.printable(tokenId) + "'"));
        if (!tokens.revoke(ArticleAnswers.articleId(id), token)) {
            throw ProblemException.notFound("Article '" + QueryParams.printable(id) + "' has no preview token with id '"
                    + QueryParams.printable(tokenId) + "'");
        }
        return Response.noContent().build();
    }
}
