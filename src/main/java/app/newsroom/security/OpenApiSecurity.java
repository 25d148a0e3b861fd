package app.newsroom.security;

/** The name of the bearer scheme in the OpenAPI document (declared by {@code app.newsroom.common.OpenApiErrors}). */
public final class OpenApiSecurity {

    public static final String SCHEME = "apiKey";

    private OpenApiSecurity() {}
}
