package app.newsroom.cache;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.common.http.Fields;
import app.newsroom.common.http.HttpCaching;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns the answer of a public GET into its response — {@code ETag}, {@code Last-Modified}, {@code Link},
 * {@code Cache-Control} for its kind and audience, {@code Surrogate-Key}, {@code Vary}, or a 304 when the client's copy
 * is current — and keeps it in the {@link ResponseCache} when the caller is the public or a partner, so that the same
 * request is answered from memory until something it shows changes. Editors' answers are never kept, and neither are
 * search answers: search keeps its own counts, fresh for a while and recounted in the background, which a kept answer
 * would freeze.
 */
@ApplicationScoped
public class CacheableResponses {

    private final ObjectMapper mapper;
    private final ResponseCache cache;
    private final CachePolicy policy;
    private final CurrentVertxRequest request;

    CacheableResponses(ObjectMapper mapper, ResponseCache cache, CachePolicy policy, CurrentVertxRequest request) {
        this.mapper = mapper;
        this.cache = cache;
        this.policy = policy;
        this.request = request;
    }

    /** A JSON answer, its ETag computed from its bytes unless given. */
    public Response json(
            HttpHeaders headers,
            Object body,
            CachePolicy.Kind kind,
            Set<String> keys,
            String etag,
            Instant lastModified,
            String link) {
        return json(headers, body, MediaType.APPLICATION_JSON, kind, keys, etag, lastModified, link);
    }

    /** A JSON answer with only the fields the client selected; a given ETag is varied with the selection. */
    public Response json(
            HttpHeaders headers,
            Object body,
            Fields fields,
            CachePolicy.Kind kind,
            Set<String> keys,
            String etag,
            Instant lastModified,
            String link) {
        return json(
                headers,
                fields.select(mapper, body),
                MediaType.APPLICATION_JSON,
                kind,
                keys,
                fields.etag(etag),
                lastModified,
                link);
    }

    /**
     * A JSON answer that no cache may keep or share ({@code private, no-store}), kept out of search engines: a draft
     * shown through a preview token.
     */
    public Response unshared(HttpHeaders headers, Object body, Fields fields, String etag, Instant lastModified) {
        String tag = fields.etag(etag);
        boolean current = HttpCaching.notModified(
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                tag,
                lastModified);
        return (current ? Response.notModified() : Response.ok(fields.select(mapper, body), MediaType.APPLICATION_JSON))
                .header(HttpHeaders.ETAG, tag)
                .lastModified(HttpCaching.httpDate(lastModified))
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.NO_STORE)
                .header("X-Robots-Tag", "noindex")
                .header(HttpHeaders.VARY, "Authorization")
                .build();
    }

    /** An answer serialized as JSON under a JSON media type (application/ninjs+json...). */
    public Response json(
            HttpHeaders headers,
            Object body,
            String contentType,
            CachePolicy.Kind kind,
            Set<String> keys,
            String etag,
            Instant lastModified,
            String link) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        return bytes(headers, bytes, contentType, kind, keys, etag, lastModified, link);
    }

    /** An answer of any media type, its ETag computed from its bytes unless given. */
    public Response bytes(
            HttpHeaders headers,
            byte[] body,
            String contentType,
            CachePolicy.Kind kind,
            Set<String> keys,
            String etag,
            Instant lastModified,
            String link) {
        CachedResponse response = new CachedResponse(
                body, contentType, etag != null ? etag : HttpCaching.contentTag(body), lastModified, link, keys, kind);
        RoutingContext ctx = request.getCurrent();
        String key = ctx == null ? null : ctx.get(CacheLookup.KEY);
        Long since = ctx == null ? null : ctx.get(CacheLookup.EPOCH);
        if (key != null && since != null && kind.kept()) {
            cache.put(key, response, since);
        }
        return respond(
                response,
                key != null && key.startsWith(CacheLookup.PUBLIC),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
    }

    /** The response to a request for this answer: 304 when the client's copy is current, else the answer. */
    Response respond(CachedResponse response, boolean anonymous, String ifNoneMatch, String ifModifiedSince) {
        boolean current = HttpCaching.notModified(ifNoneMatch, ifModifiedSince, response.etag, response.lastModified);
        Response.ResponseBuilder out =
                current ? Response.notModified() : Response.ok(response.body, response.contentType);
        out.header(HttpHeaders.ETAG, response.etag);
        if (response.lastModified != null) {
            out.lastModified(HttpCaching.httpDate(response.lastModified));
        }
        if (response.link != null) {
            out.header("Link", response.link);
        }
        if (anonymous) {
            out.header(HttpHeaders.CACHE_CONTROL, policy.publicCacheControl(response.kind));
            out.header("Surrogate-Key", response.surrogateKey);
        } else {
            out.header(HttpHeaders.CACHE_CONTROL, CachePolicy.PRIVATE);
        }
        out.header(HttpHeaders.VARY, CachePolicy.vary(response.kind));
        return out.build();
    }
}
