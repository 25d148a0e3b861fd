package app.newsroom.common.http;

import app.newsroom.common.error.ProblemException;

/**
 * What a conditional write expects of the resource it changes: the ETags the client sent in {@code If-Match}
 * (RFC 9110 §13.1.1), or nothing. Resources turn the header into this value; services check it against the current
 * state and know nothing of HTTP headers.
 */
public record ExpectedVersion(String ifMatch) {

    /** A write that does not depend on the resource's state. */
    public static final ExpectedVersion ANY = new ExpectedVersion(null);

    /** The value of an If-Match header, which may be absent. */
    public static ExpectedVersion ifMatch(String header) {
        return header == null ? ANY : new ExpectedVersion(header);
    }

    /** A 412 problem unless the resource is still at a version the client named (a weak tag never matches). */
    public void check(String currentEtag) {
        if (ifMatch != null && !HttpCaching.matches(ifMatch, currentEtag, false)) {
            throw ProblemException.preconditionFailed(
                    "If-Match does not match the current ETag " + currentEtag + "; read the resource again");
        }
    }
}
