package app.newsroom.common.http;

/**
 * How a request presents a draft preview token: {@code ?preview=<token>}, or {@code Authorization: Preview <token>}
 * (which keeps the token out of logs and Referer headers). Such a request is anonymous for authentication, is never
 * answered from a shared cache, and its answer is never kept.
 */
public final class Previews {

    public static final String PARAMETER = "preview";
    public static final String SCHEME = "Preview ";

    private Previews() {}

    /** The token a request presents, from its query parameter or its Authorization header; none if neither. */
    public static String token(String parameter, String authorization) {
        if (parameter != null) {
            return parameter.trim();
        }
        return isPreview(authorization)
                ? authorization.substring(SCHEME.length()).trim()
                : null;
    }

    /** Whether an Authorization header presents a preview token. */
    public static boolean isPreview(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Whether a request URI's query has a preview parameter. */
    public static boolean inQuery(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals(PARAMETER) || pair.startsWith(PARAMETER + "=")) {
                return true;
            }
        }
        return false;
    }
}
