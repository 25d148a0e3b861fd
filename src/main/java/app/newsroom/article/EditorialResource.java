package app.newsroom.article;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.ArticleDtos.CorrectionRequest;
import app.newsroom.article.ArticleDtos.KillRequest;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Role;

/** Kills, un-kills and corrections: the after-publication workflow of a news agency. */
@Path("/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = OpenApiSecurity.SCHEME)
@Tag(name = "Articles")
public class EditorialResource {

    private static final String IF_MATCH = "Only write when the article still has this ETag (else 412)";

    private final ArticleEditorial editorial;
    private final ArticleService articles;
    private final Validation validation;

    EditorialResource(ArticleEditorial editorial, ArticleService articles, Validation validation) {
        this.editorial = editorial;
        this.articles = articles;
        this.validation = validation;
    }

    @POST
    @Path("/kill")
    @RolesAllowed(Role.EDITOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "killArticle",
            summary = "Kill a published article",
            description = "Withdraws a published article from every public surface at once (lists, feeds, search, "
                    + "related, caches and the CDN), and tells partners to remove it: `GET /changes` gives a `kill` "
                    + "with the reason, webhooks send `article.killed`. The article keeps status `killed`: no edit "
                    + "or import can republish it; only an admin can un-kill it. Honours `If-Match`. Role: editor.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KillRequest.class),
                            examples = @ExampleObject(name = "kill", value = """
                                    { "reason": "Legal: the story is withdrawn pending review." }""")))
    @APIResponse(responseCode = "200", ref = ArticleOpenApi.WRITTEN)
    @APIResponse(responseCode = "404", description = "No article with this id")
    @APIResponse(responseCode = "409", description = "The article is not published (or is killed already)")
    public Response kill(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = IF_MATCH, schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match")
                    String ifMatch,
            KillRequest request) {
        KillRequest checked = validation.check(request);
        return written(id, editorial.kill(articleId(id), checked.reason(), ExpectedVersion.ifMatch(ifMatch)));
    }

    @POST
    @Path("/unkill")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            operationId = "unkillArticle",
            summary = "Un-kill an article",
            description = "Takes a killed article back to `draft`, so that editors can work on it and publish it "
                    + "again deliberately. Honours `If-Match`. Role: admin.")
    @APIResponse(responseCode = "200", ref = ArticleOpenApi.WRITTEN)
    @APIResponse(responseCode = "404", description = "No article with this id")
    @APIResponse(responseCode = "409", description = "The article is not killed")
    public Response unkill(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = IF_MATCH, schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match")
                    String ifMatch) {
        return written(id, editorial.unkill(articleId(id), ExpectedVersion.ifMatch(ifMatch)));
    }

    @POST
    @Path("/corrections")
    @RolesAllowed(Role.EDITOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "correctArticle",
            summary = "Append a correction",
            description = "Appends a correction (dated now) to a published article: it shows in the full form, the "
                    + "feeds and ninjs (`ednote`), the version moves on, and webhooks send `article.corrected`. "
                    + "Corrections are never edited or removed. Honours `If-Match`. Role: editor.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorrectionRequest.class),
                            examples = @ExampleObject(name = "correction", value = """
                                    { "text": "An earlier version misstated the day of the meeting." }""")))
    @APIResponse(responseCode = "200", ref = ArticleOpenApi.WRITTEN)
    @APIResponse(responseCode = "404", description = "No article with this id")
    @APIResponse(responseCode = "409", description = "The article is not published")
    public Response correct(
            @Parameter(description = ArticleOpenApi.ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = IF_MATCH, schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match")
                    String ifMatch,
            CorrectionRequest request) {
        CorrectionRequest checked = validation.check(request);
        return written(id, editorial.correct(articleId(id), checked.text(), ExpectedVersion.ifMatch(ifMatch)));
    }

    private Response written(String id, Optional<UUID> done) {
        return ArticleAnswers.written(done.flatMap(written -> articles.findAnyStatus(written.toString()))
                .orElseThrow(() -> ArticleAnswers.notFound(id)));
    }

    private static UUID articleId(String raw) {
        return ArticleAnswers.articleId(raw);
    }
}
