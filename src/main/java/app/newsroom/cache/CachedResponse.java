package app.newsroom.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * An answer as it is sent: the body's bytes (and, once a client asked for them, the same bytes gzipped), its media
 * type and validators, the keys it is filed under, and the kind of resource it is (which decides its
 * {@code Cache-Control}).
 */
public final class CachedResponse {

    /** Bodies smaller than this are sent as they are: gzip would save a few bytes for a round of CPU. */
    static final int GZIP_FROM = 1024;

    final byte[] body;
    final byte[] gzipped;
    final String contentType;
    final String etag;
    final Instant lastModified;
    final String link;
    final Set<String> keys;
    final String surrogateKey;
    final CachePolicy.Kind kind;

    public CachedResponse(
            byte[] body,
            String contentType,
            String etag,
            Instant lastModified,
            String link,
            Set<String> keys,
            CachePolicy.Kind kind) {
        this(body, null, contentType, etag, lastModified, link, Set.copyOf(keys), kind);
    }

    private CachedResponse(
            byte[] body,
            byte[] gzipped,
            String contentType,
            String etag,
            Instant lastModified,
            String link,
            Set<String> keys,
            CachePolicy.Kind kind) {
        this.body = body;
        this.gzipped = gzipped;
        this.contentType = contentType;
        this.etag = etag;
        this.lastModified = lastModified;
        this.link = link;
        this.keys = keys;
        this.surrogateKey = String.join(" ", keys);
        this.kind = kind;
    }

    /** Bytes held, for the cache's bound: bodies, plus an allowance for the keys and the object itself. */
    int weight() {
        return body.length
                + (gzipped == null ? 0 : gzipped.length)
                + 2 * surrogateKey.length()
                + 48 * keys.size()
                + 256;
    }

    boolean compressible() {
        return body.length >= GZIP_FROM;
    }

    /** This answer with its gzipped body. */
    CachedResponse withGzip() {
        if (gzipped != null) {
            return this;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CachedResponse(body, out.toByteArray(), contentType, etag, lastModified, link, keys, kind);
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }
}
