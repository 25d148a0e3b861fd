package app.newsroom.security;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The bearer scheme of the OpenAPI document: operations that need a key name it with their role. */
@SecurityScheme(securitySchemeName = OpenApiSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "opaque API key",
        description = "An API key from POST /api/v1/keys (or NEWSROOM_ADMIN_KEY), sent as `Authorization: Bearer <key>`. "
                + "Roles: partner, editor, admin (admin implies editor).")
public final class OpenApiSecurity {

    public static final String SCHEME = "apiKey";

    private OpenApiSecurity() {
    }
}
