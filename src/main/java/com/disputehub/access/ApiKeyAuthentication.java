package com.disputehub.access;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key: its name is the actor ({@code key:<name>}), its scopes its roles. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeys.ApiKey key;

    ApiKeyAuthentication(ApiKeys.ApiKey key) {
        super(authorities(key));
        this.key = key;
        setAuthenticated(true);
    }

    private static Collection<SimpleGrantedAuthority> authorities(ApiKeys.ApiKey key) {
        return key.scopes().stream().map(s -> new SimpleGrantedAuthority(s.role().authority())).toList();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return "key:" + key.name();
    }

    /** The scopes' roles, for tests and the matrix. */
    List<String> roles() {
        return getAuthorities().stream().map(a -> a.getAuthority()).toList();
    }
}
