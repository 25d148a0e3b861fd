package app.newsroom.changes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.newsroom.article.Ninjs;
import app.newsroom.changes.ChangeDtos.ChangePage;
import app.newsroom.changes.ChangeDtos.NinjsChangePage;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.QueryLimit;
import app.newsroom.common.http.QueryParams;
import app.newsroom.common.openapi.Examples;
import app.newsroom.common.openapi.OpenApiSecurity;
import app.newsroom.security.Callers;
import app.newsroom.security.Role;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Incremental sync for partners: every change, in order, none lost")
public class ChangeResource {

    private final ChangeService service;
    private final HttpCaching caching;
    private final NewsroomConfig config;

    private final SecurityIdentity caller;

    ChangeResource(ChangeService service, HttpCaching caching, NewsroomConfig config, SecurityIdentity caller) {
        this.service = service;
        this.caching = caching;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.PARTNER_ROLE, Role.EDITOR_ROLE})
    @SecurityRequirement(name = OpenApiSecurity.SCHEME)
    @Operation(
            operationId = "listChanges",
            summary = "Changes since a cursor",
            description = "A state sync of public articles: every article created, updated, published, unpublished "
                    + "or deleted after the cursor comes once, at the position of its latest change, in commit-safe "
                    + "order (several edits between two polls are one entry; an article changed again after a poll "
                    + "comes again). Start without `since`, then send the `next` of each answer; poll again at once "
                    + "while `hasMore`. An `upsert` carries the article's current full form; an article that is no "
                    + "longer public (deleted, unpublished, archived, or scheduled for later) comes as `delete`, and a "
                    + "scheduled article comes as `upsert` when its time arrives. The cursor only moves past changes "
                    + "whose transactions have committed, so a change committed late by a slow writer is never "
                    + "skipped and never repeated. A cursor older than the retained log (retention is configuration) "
                    + "is a 410: resync from the beginning. With a partner key, an article not allowed for "
                    + "syndication comes as `delete`; editors see every public article. Role: partner or editor.")
    @APIResponse(
            responseCode = "200",
            description = "Changes after the cursor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(anyOf = {ChangePage.class, NinjsChangePage.class}),
                            examples = @ExampleObject(name = "changes", value = Examples.CHANGES)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match) is current")
    @APIResponse(
            responseCode = "410",
            description = "The cursor is older than the retained change log: resync from the beginning")
    public Response changes(
            @Parameter(description = "Cursor from the `next` of the previous answer; absent: from the beginning")
                    @QueryParam("since")
                    String since,
            @Parameter(ref = QueryLimit.Refs.CHANGES) @QueryParam("limit") String limit,
            @Parameter(
                            description = "`ninjs`: each upsert's `article` as an IPTC ninjs 2.2 news item; `json` "
                                    + "(default): newsroom's full form. The page itself is not a ninjs document, so "
                                    + "it stays `application/json` and only this parameter selects the form.",
                            schema =
                                    @Schema(
                                            enumeration = {"json", "ninjs"},
                                            defaultValue = "json"))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        int max = QueryLimit.CHANGES.parse(limit, config);
        boolean ninjs = Ninjs.wanted(format, null);
        boolean partner = Callers.partnerOnly(caller);
        ChangePage page = service.since(QueryParams.text("since", since, 200), max, partner);
        return caching.privateJson(headers, ninjs ? NinjsChangePage.of(page) : page, null);
    }
}
