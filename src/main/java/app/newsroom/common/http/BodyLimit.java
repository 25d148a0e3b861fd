package app.newsroom.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import app.newsroom.common.error.BodyTooLarge;

/**
 * An input stream that fails with {@link BodyTooLarge} (a 413) as soon as more than {@code limit} bytes have arrived,
 * without reading the rest: how a body of unknown length (chunked) is held to the same limit as one with a Content-Length.
 */
public final class BodyLimit extends FilterInputStream {

    private final long limit;
    private long read;

    public BodyLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        count(skipped);
        return skipped;
    }

    /** Closing the request's stream would read the rest of the body; past the limit, the rest is never read. */
    @Override
    public void close() throws IOException {
        if (read <= limit) {
            super.close();
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws BodyTooLarge {
        read += n;
        if (read > limit) {
            throw new BodyTooLarge(limit);
        }
    }
}
