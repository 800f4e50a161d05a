package org.careweave.audit;

import org.springframework.context.event.EventListener;
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
        if (who == null || !who.isAuthenticated() || who.getClass().getSimpleName().startsWith("Anonymous")) {
            return;
        }
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() : null;
        AuditEvent base = AuditApiController.bySignedInUser(AuditEvent.Action.READ, null, "endpoint", null, path);
        trail.record(new AuditEvent(null, null, base.action(), AuditEvent.Outcome.DENIED, "ROLE_NOT_PERMITTED",
                base.actor(), base.actorType(), base.roles(), null, base.purpose(), null, base.entityType(), null,
                base.query(), base.client()));
    }
}
