package app.newsroom.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Role checks that depend on a request's parameters, where an annotation cannot say it. */
public final class Callers {

    private Callers() {}

    /** A partner's key (not an editor's or admin's): partner surfaces apply (syndication rights, embargoes). */
    public static boolean partnerOnly(SecurityIdentity caller) {
        return caller.hasRole(Role.PARTNER_ROLE) && !caller.hasRole(Role.EDITOR_ROLE);
    }

    /** 401 without a key, 403 with a key that is not an editor's. */
    public static void requireEditor(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!caller.hasRole(Role.EDITOR_ROLE)) {
            throw new ForbiddenException();
        }
    }
}
