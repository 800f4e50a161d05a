package org.careweave.audit;

import org.careweave.shared.RequestClient;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Audits sign-ins and token requests, successful or not. Bearer tokens checked on each API call are not sign-ins
 * and are not recorded here; a bad token is (as a failure). Passwords and tokens are never recorded.
 */
@Component
class SignInAuditor {

    private final AuditTrail trail;

    SignInAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        if (who instanceof JwtAuthenticationToken) {
            return;
        }
        boolean staff = who instanceof UsernamePasswordAuthenticationToken;
        trail.record(AuditEvent.of(AuditEvent.Action.AUTHENTICATE, AuditEvent.Outcome.SUCCESS, null, who.getName(),
                staff ? AuditEvent.ActorType.STAFF : AuditEvent.ActorType.SYSTEM, null, null, null, null,
                staff ? "session" : "token", null, null, RequestClient.address()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        boolean bearer = attempt instanceof BearerTokenAuthenticationToken;
        String actor = bearer || !(attempt.getPrincipal() instanceof String name) || name.isBlank() ? "unknown" : name;
        trail.record(AuditEvent.of(AuditEvent.Action.AUTHENTICATE, AuditEvent.Outcome.FAILED,
                event.getException().getClass().getSimpleName(), actor,
                attempt instanceof UsernamePasswordAuthenticationToken ? AuditEvent.ActorType.STAFF
                        : AuditEvent.ActorType.ANONYMOUS,
                null, null, null, null, bearer ? "bearer-token" : "session", null, null, RequestClient.address()));
    }
}
