package com.disputehub.access;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in from {@link Users}: their login, hash, role and whether they are enabled. */
@Service
class UserAccounts implements UserDetailsService {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        Users.User user = users.find(login).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.login()).password(user.passwordHash()).disabled(!user.enabled())
                .accountLocked(users.locked(user))
                .authorities(List.of(new SimpleGrantedAuthority(user.role().authority()))).build();
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        users.failed(event.getAuthentication().getName());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        if (principal instanceof UserDetails || principal instanceof SingleSignOn.Person) {
            users.signedIn(event.getAuthentication().getName());
        }
    }
}
