package app.newsroom.common.error;

import java.io.IOException;

/**
 * A request body passed its limit while being read. An {@link IOException}, so that the JSON parser passes it on as
 * it is instead of reporting it as a bad value; answered with a 413 that closes the connection (the rest of the body
 * is never read).
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than the " + limit + " bytes this operation accepts.", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** This exception, when it is the cause of {@code e} or of one of its causes. */
    static BodyTooLarge in(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
