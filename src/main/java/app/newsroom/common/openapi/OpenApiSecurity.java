package app.newsroom.common.openapi;

/** The name of the bearer scheme in the OpenAPI document (declared by {@code app.newsroom.common.openapi.OpenApiErrors}). */
public final class OpenApiSecurity {

    public static final String SCHEME = "apiKey";

    private OpenApiSecurity() {}
}
