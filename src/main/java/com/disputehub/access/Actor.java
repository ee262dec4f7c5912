package com.disputehub.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who makes a change: the signed-in user's login or the API key ({@code key:<name>}), never a name the client sends. */
public final class Actor {

    private Actor() {
    }

    /** The signed-in person or key of this request, if any. */
    public static java.util.Optional<Authentication> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? java.util.Optional.empty() : java.util.Optional.of(auth);
    }

    /** The highest role of the signed-in principal, for the top bar. */
    public static java.util.Optional<Role> role() {
        return signedIn().flatMap(a -> a.getAuthorities().stream().map(g -> g.getAuthority())
                .filter(g -> g.startsWith("ROLE_")).map(g -> Role.valueOf(g.substring(5)))
                .max(java.util.Comparator.naturalOrder()));
    }

    /** The current principal's name; an IllegalStateException outside an authenticated request. */
    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("no signed-in user or API key");
        }
        return auth.getName();
    }
}
