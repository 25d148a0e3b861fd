package app.newsroom.security;

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

import app.newsroom.common.Ids;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.KeyDtos.CreatedKey;
import app.newsroom.security.KeyDtos.KeyList;
import app.newsroom.security.KeyDtos.KeyRequest;

@Path("/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ROLE)
@SecurityRequirement(name = OpenApiSecurity.SCHEME)
@Tag(name = "Keys", description = "API keys and their roles (admin only)")
public class KeyResource {

    private final ApiKeyService service;
    private final Validation validation;

    KeyResource(ApiKeyService service, Validation validation) {
        this.service = service;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createKey",
            summary = "Create an API key",
            description = "Creates a key with a role: `partner` (/changes, higher rate limits), `editor` (writes, "
                    + "drafts) or `admin` (keys too; implies editor). The secret is in the answer this once; only "
                    + "its hash is stored. Role: admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KeyRequest.class),
                            examples = @ExampleObject(name = "partner", value = """
                    { "name": "Partner: Example Daily", "role": "partner" }""")))
    @APIResponse(
            responseCode = "201",
            description = "Created; `key` is the secret",
            headers =
                    @Header(
                            name = "Location",
                            description = "URL of the key",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedKey.class),
                            examples = @ExampleObject(name = "partner key", value = """
                            { "id": "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b", "name": "Partner: Example Daily", "role": "partner",
                              "createdAt": "2026-11-29T09:00:00Z", "key": "nr_3q2-7wQyQ0uXbJz1n8kR4yVf6dL0pT9sA2mC5eH7gB" }""")))
    public Response create(KeyRequest request, @Context UriInfo uri) {
        CreatedKey key = service.create(validation.check(request));
        URI location =
                uri.getBaseUriBuilder().path("keys").path(key.id().toString()).build();
        return Response.created(location).entity(key).build();
    }

    @GET
    @Operation(
            operationId = "listKeys",
            summary = "List API keys",
            description = "All keys with their roles, never their secrets. Role: admin.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KeyList.class),
                            examples = @ExampleObject(name = "keys", value = """
                            { "items": [ { "id": "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b", "name": "Partner: Example Daily",
                                           "role": "partner", "createdAt": "2026-11-29T09:00:00Z" } ] }""")))
    public KeyList list() {
        return new KeyList(service.list());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeKey",
            summary = "Revoke an API key",
            description = "Deletes the key; the next request that sends it is a 401. Role: admin.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No key with this id")
    public Response revoke(
            @Parameter(description = "Key id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        UUID keyId = Ids.parse(id).orElseThrow(() -> ProblemException.notFound("No key with id '" + id + "'"));
        if (!service.revoke(keyId)) {
            throw ProblemException.notFound("No key with id '" + id + "'");
        }
        return Response.noContent().build();
    }
}
