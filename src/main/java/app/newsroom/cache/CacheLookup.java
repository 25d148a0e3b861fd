package app.newsroom.cache;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.newsroom.common.http.Previews;
import app.newsroom.security.Role;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The REST layer's side of the response cache, after authentication and rate limiting:
 * <ul>
 * <li>a GET by the public or a partner is answered from the cache when its answer is kept (the public's are mostly
 * answered before the REST layer, by {@link FastPath}); otherwise the request is marked with its cache key and the
 * cache's epoch, so that {@link CacheableResponses} can keep its answer;</li>
 * <li>a successful write waits until this instance has dropped what the write made stale, so that the writer's next
 * read here sees it ({@link InvalidationListener#awaitOwnWrites}).</li>
 * </ul>
 */
class CacheLookup {

    static final String KEY = "newsroom.cache.key";
    static final String EPOCH = "newsroom.cache.epoch";
    static final String PUBLIC = "public ";
    static final String PARTNER = "partner ";

    private final ResponseCache cache;
    private final CacheableResponses responses;
    private final InvalidationListener listener;
    private final CurrentIdentityAssociation identities;

    CacheLookup(
            ResponseCache cache,
            CacheableResponses responses,
            InvalidationListener listener,
            CurrentIdentityAssociation identities) {
        this.cache = cache;
        this.responses = responses;
        this.listener = listener;
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    Uni<Response> lookup(ContainerRequestContext context, RoutingContext ctx) {
        String method = context.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")
                || Previews.inQuery(ctx.request().query())
                || Previews.isPreview(context.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Uni.createFrom().nullItem(); // a preview's answer is the holder's alone
        }
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            if (identity.hasRole(Role.EDITOR_ROLE)) {
                return null; // editors see drafts: their answers are their own
            }
            String audience = identity.isAnonymous() ? PUBLIC : PARTNER;
            String key = ResponseCache.key(audience.trim(), ctx.request());
            ctx.put(EPOCH, cache.epoch());
            ctx.put(KEY, key);
            CachedResponse kept = cache.get(key);
            if (kept == null
                    || !Negotiation.acceptable(context.getHeaderString(HttpHeaders.ACCEPT), kept.contentType)) {
                return null;
            }
            return responses.respond(
                    kept,
                    audience.equals(PUBLIC),
                    context.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                    context.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        });
    }

    @ServerResponseFilter
    void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() < 300
                && (method.equals("POST")
                        || method.equals("PUT")
                        || method.equals("PATCH")
                        || method.equals("DELETE"))) {
            listener.awaitOwnWrites();
        }
    }
}
