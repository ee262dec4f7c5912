package com.disputehub.access;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on (DOMAIN X6): an OpenID Connect sign-in is accepted when its e-mail is that of exactly one enabled
 * DisputeHub person, who then acts under their own login and role. No one signs themself up: an unknown, disabled
 * or unverified e-mail is refused.
 */
@Component
class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String REFUSED = "no_disputehub_user";

    private final OidcUserService provider = new OidcUserService();
    private final Users users;

    SingleSignOn(Users users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String email = signedIn.getEmail();
        if (email == null || Boolean.FALSE.equals(signedIn.getEmailVerified())) {
            throw refused("the provider gave no verified e-mail");
        }
        Users.User user = users.findByEmail(email).filter(Users.User::enabled)
                .orElseThrow(() -> refused("no enabled DisputeHub user has this e-mail"));
        return new Person(user, signedIn);
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, why, null));
    }

    /** The provider's user seen as the DisputeHub person: their login is the name every change is attributed to. */
    static final class Person extends DefaultOidcUser {

        private final String login;

        Person(Users.User user, OidcUser signedIn) {
            super(List.of(new SimpleGrantedAuthority(user.role().authority())), signedIn.getIdToken(), signedIn.getUserInfo());
            this.login = user.login();
        }

        @Override
        public String getName() {
            return login;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Person p && p.login.equals(login) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return login.hashCode();
        }
    }
}
