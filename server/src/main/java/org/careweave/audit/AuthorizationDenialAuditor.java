package org.careweave.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits requests refused by role (for example a GP asking for the break-glass review queue). Refusals of a
 * person's data are recorded by the access policy itself, with the person; anonymous requests refused before sign-in
 * are not recorded here (they reach the sign-in page or get 401).
 */
@Component
class AuthorizationDenialAuditor {

    private final AuditTrail trail;

    AuthorizationDenialAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() : null;
        trail.record(AuditApiController.bySignedInUser(AuditEvent.Action.READ, AuditEvent.Outcome.DENIED,
                "ROLE_NOT_PERMITTED", null, "endpoint", path));
    }
}
