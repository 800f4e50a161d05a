package org.careweave.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.shared.RequestClient;
import org.careweave.shared.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Reads who is authenticated on the current request. */
@Component
public class CurrentCaller {

    private final IdentitySettings settings;

    CurrentCaller(IdentitySettings settings) {
        this.settings = settings;
    }

    /** @throws InsufficientAuthenticationException when nobody is authenticated */
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new InsufficientAuthenticationException("Sign in or send a bearer token");
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            String code = token.getToken().getClaimAsString(settings.organisationClaim());
            if (code == null) {
                throw new InsufficientAuthenticationException("The bearer token names no organisation (claim '"
                        + settings.organisationClaim() + "')");
            }
            Set<Role> roles = token.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            return new Caller(token.getName(), true, code, roles, RequestClient.address());
        }
        return new Caller(authentication.getName(), false, null, Set.of(), RequestClient.address());
    }
}
