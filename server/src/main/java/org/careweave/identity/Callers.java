package org.careweave.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.careweave.access.AccessContext;
import org.careweave.access.Purpose;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.shared.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Turns whoever is authenticated on this request into the {@link AccessContext} the access policy decides on. */
@Component
public class Callers {

    private final Staff staff;
    private final Organisations organisations;
    private final IdentitySettings settings;

    Callers(Staff staff, Organisations organisations, IdentitySettings settings) {
        this.staff = staff;
        this.organisations = organisations;
        this.settings = settings;
    }

    public AccessContext current(Purpose purpose) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new InsufficientAuthenticationException("Sign in or send a bearer token");
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return ofToken(token, purpose);
        }
        StaffAccount account = staff.findAccount(authentication.getName())
                .orElseThrow(() -> new InsufficientAuthenticationException("The signed-in user no longer exists"));
        StaffAccount.RoleAt acting = account.roles().stream().filter(r -> r.role().caresDirectly()).findFirst()
                .or(() -> account.roles().stream().findFirst())
                .orElseThrow(() -> new InsufficientAuthenticationException("The signed-in user holds no role"));
        Set<Role> roles = account.roles().stream().filter(r -> r.organisationId() == acting.organisationId())
                .map(StaffAccount.RoleAt::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new AccessContext(account.id(), account.username(), acting.organisationId(), roles, purpose,
                clientAddress());
    }

    private AccessContext ofToken(JwtAuthenticationToken token, Purpose purpose) {
        String code = token.getToken().getClaimAsString(settings.organisationClaim());
        if (code == null) {
            throw new InsufficientAuthenticationException("The bearer token names no organisation (claim '"
                    + settings.organisationClaim() + "')");
        }
        long organisation = organisations.idOf(code).orElseThrow(() -> new InsufficientAuthenticationException(
                "The bearer token names organisation " + code + ", which CareWeave does not know"));
        Set<Role> roles = token.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return AccessContext.systemClient(token.getName(), organisation, roles, purpose, clientAddress());
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "internal";
    }
}
