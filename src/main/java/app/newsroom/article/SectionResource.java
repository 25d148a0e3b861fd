package app.newsroom.article;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.ArticleDtos.SectionList;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.openapi.Examples;

@Path("/sections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sections", description = "Sections in use")
public class SectionResource {

    private final ArticleService service;
    private final CacheableResponses responses;

    SectionResource(ArticleService service, CacheableResponses responses) {
        this.service = service;
        this.responses = responses;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listSections",
            summary = "List sections",
            description = "Every section that published articles use, with their counts, in alphabetical order.")
    @APIResponse(
            responseCode = "200",
            description = "Sections with counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SectionList.class),
                            examples = @ExampleObject(name = "sections", value = Examples.SECTIONS)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    public Response list(@Context HttpHeaders headers) {
        return responses.json(
                headers,
                new SectionList(service.sections()),
                CachePolicy.Kind.LIST,
                Set.of(SurrogateKeys.SECTIONS),
                null,
                null,
                null);
    }
}
