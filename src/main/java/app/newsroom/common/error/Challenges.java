package app.newsroom.common.error;

/** What a 401 asks the client for (RFC 9110 §11.6.1): the one scheme newsroom takes, an API key as a bearer token. */
public final class Challenges {

    public static final String BEARER = "Bearer realm=\"newsroom\"";

    private Challenges() {}
}
