package app.newsroom.security;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a key may do. An admin is an editor too. */
public enum Role {
    PARTNER,
    EDITOR,
    ADMIN;

    public static final String PARTNER_ROLE = "partner";
    public static final String EDITOR_ROLE = "editor";
    public static final String ADMIN_ROLE = "admin";

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The security roles an identity with this key role holds. */
    Set<String> grants() {
        return switch (this) {
            case PARTNER -> Set.of(PARTNER_ROLE);
            case EDITOR -> Set.of(EDITOR_ROLE);
            case ADMIN -> Set.of(ADMIN_ROLE, EDITOR_ROLE);
        };
    }
}
