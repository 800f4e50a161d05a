package org.careweave.identity;

import java.util.EnumSet;
import java.util.List;
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
            return new Caller(token.getName(), true, code, personRoles(token), RequestClient.address());
        }
        return new Caller(authentication.getName(), false, null, Set.of(), RequestClient.address());
    }

    /**
     * The roles of the person a bearer token acts for, which the access policy applies as it does a member of staff's;
     * empty for a partner system, which acts for its organisation. CareWeave's own clients are systems: the
     * ADMINISTRATOR role in their tokens lets them administer and is not a person's role. A token from an external
     * provider acts for a person when its roles claim names any role.
     */
    private Set<Role> personRoles(JwtAuthenticationToken token) {
        if (!settings.externalProvider()
                && Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(AccessTokenClaims.CLIENT_CLAIM))) {
            return Set.of();
        }
        Set<Role> roles = token.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        List<String> claimed = token.getToken().hasClaim(settings.rolesClaim())
                ? token.getToken().getClaimAsStringList(settings.rolesClaim()) : List.of();
        if (roles.isEmpty() && !claimed.isEmpty()) {
            // Read as a system, a person whose roles CareWeave does not know would see what their organisation sent.
            throw new InsufficientAuthenticationException("The bearer token's claim '" + settings.rolesClaim()
                    + "' names no CareWeave role (" + String.join(", ", claimed) + "); CareWeave's roles are "
                    + java.util.Arrays.toString(Role.values()) + ". A partner system's token names none.");
        }
        return roles;
    }
}
