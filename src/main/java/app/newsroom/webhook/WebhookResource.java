package app.newsroom.webhook;

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
import jakarta.ws.rs.QueryParam;
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
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.QueryLimit;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.ApiKeyIdentityProvider;
import app.newsroom.security.Role;
import app.newsroom.webhook.WebhookDtos.CreatedWebhook;
import app.newsroom.webhook.WebhookDtos.DeliveryList;
import app.newsroom.webhook.WebhookDtos.WebhookList;
import app.newsroom.webhook.WebhookDtos.WebhookRequest;
import app.newsroom.webhook.WebhookDtos.WebhookResponse;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PARTNER_ROLE, Role.ADMIN_ROLE})
@SecurityRequirement(name = OpenApiSecurity.SCHEME)
@Tag(
        name = "Webhooks",
        description = "Signed push of article events (Standard Webhooks), with retries; admins manage every "
                + "endpoint, partners their own")
public class WebhookResource {

    private static final String ID = "Endpoint id";

    private final WebhookService service;
    private final Validation validation;
    private final SecurityIdentity identity;
    private final NewsroomConfig config;

    WebhookResource(WebhookService service, Validation validation, SecurityIdentity identity, NewsroomConfig config) {
        this.service = service;
        this.validation = validation;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook endpoint",
            description = "Registers an endpoint for article events (`article.published`, `.updated`, `.corrected`, "
                    + "`.unpublished`, `.killed`, `.deleted`). Within about a second of each commit the service POSTs "
                    + "`{type, timestamp, data: {articleId, slug, cursor, article, reason, embargoedUntil}}` with the headers "
                    + "`webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature` "
                    + "(`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed with the secret's bytes). `cursor` is "
                    + "the `GET /changes` cursor just after the event: polling `/changes` from it gives everything "
                    + "after. `article` is the summary (or full, `payload: full`) form, null for unpublished, "
                    + "killed and deleted articles; `reason` says why an article was killed; `embargoedUntil` marks an "
                    + "article partners receive before the public may see it. A 2xx delivers; 5xx, 408, "
                    + "429, timeouts and connection failures are retried "
                    + "with exponential backoff and jitter (Retry-After honoured) for days; other answers fail the "
                    + "delivery; redirects are not followed. Each endpoint receives its events one at a time, in "
                    + "commit order. An endpoint failing for 24 hours is disabled. Drafts never cause events. The "
                    + "secret is in this answer only. Roles: partner (own endpoints), admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookRequest.class),
                            examples = @ExampleObject(name = "endpoint", value = WebhookExamples.REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; `secret` signs every delivery",
            headers =
                    @Header(
                            name = "Location",
                            description = "URL of the endpoint",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedWebhook.class),
                            examples = @ExampleObject(name = "created", value = WebhookExamples.CREATED)))
    @APIResponse(responseCode = "409", description = "The partner key has as many endpoints as it may (20 by default)")
    public Response create(WebhookRequest request, @Context UriInfo uri) {
        CreatedWebhook created = service.register(validation.check(request), caller());
        URI location = uri.getBaseUriBuilder()
                .path("webhooks")
                .path(created.id().toString())
                .build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhook endpoints",
            description = "Every endpoint for an admin; a partner's own for a partner. Secrets are never shown.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoints",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookList.class),
                            examples = @ExampleObject(name = "endpoints", value = WebhookExamples.LIST)))
    public WebhookList list() {
        return new WebhookList(service.list(caller()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Get a webhook endpoint",
            description = "The endpoint, with `failingSince` and `disabledAt` when deliveries fail. A partner's "
                    + "endpoints are invisible to other partners (404).")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookResponse.class),
                            examples = @ExampleObject(name = "endpoint", value = WebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id that the key may see")
    public WebhookResponse get(@Parameter(description = ID) @PathParam("id") String id) {
        return service.find(parse(id), caller()).orElseThrow(() -> missing(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook endpoint",
            description = "Stops deliveries to it at once and forgets its delivery log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No endpoint with this id that the key may see")
    public Response delete(@Parameter(description = ID) @PathParam("id") String id) {
        if (!service.delete(parse(id), caller())) {
            throw missing(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(
            operationId = "enableWebhook",
            summary = "Enable a disabled webhook endpoint",
            description = "Clears `disabledAt` and `failingSince`; the deliveries queued meanwhile go out, in order.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint, enabled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookResponse.class),
                            examples = @ExampleObject(name = "endpoint", value = WebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id that the key may see")
    public WebhookResponse enable(@Parameter(description = ID) @PathParam("id") String id) {
        return service.enable(parse(id), caller()).orElseThrow(() -> missing(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Recent deliveries of an endpoint",
            description = "The newest deliveries, newest first, each with its attempts (HTTP status, latency, "
                    + "error). Finished deliveries are kept for 7 days.")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryList.class),
                            examples = @ExampleObject(name = "deliveries", value = WebhookExamples.DELIVERIES)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id that the key may see")
    public DeliveryList deliveries(
            @Parameter(description = ID) @PathParam("id") String id,
            @Parameter(ref = QueryLimit.Refs.DELIVERIES) @QueryParam("limit") String limit) {
        int n = QueryLimit.DELIVERIES.parse(limit, config);
        return new DeliveryList(service.deliveries(parse(id), caller(), n).orElseThrow(() -> missing(id)));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Deliver an event again",
            description = "Queues the delivery again now (delivered, failed or waiting for a retry), with the same "
                    + "`webhook-id` and body; it goes out after the endpoint's older pending deliveries.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "No such endpoint or delivery that the key may see")
    public Response redeliver(
            @Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = "Delivery id") @PathParam("deliveryId") String deliveryId) {
        long delivery;
        try {
            delivery = Long.parseLong(deliveryId);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No delivery '" + deliveryId + "'");
        }
        if (!service.redeliver(parse(id), delivery, caller())) {
            throw ProblemException.notFound("No delivery '" + deliveryId + "' of endpoint '" + id + "'");
        }
        return Response.accepted().build();
    }

    private WebhookService.Caller caller() {
        return new WebhookService.Caller(
                identity.hasRole(Role.ADMIN_ROLE), identity.getAttribute(ApiKeyIdentityProvider.KEY_ID));
    }

    private static UUID parse(String id) {
        return Ids.parse(id).orElseThrow(() -> missing(id));
    }

    private static ProblemException missing(String id) {
        return ProblemException.notFound("No webhook endpoint '" + id + "'");
    }
}
