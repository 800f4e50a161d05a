package org.careweave.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.careweave.shared.RequestClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officer's view of the audit trail. Searching the trail is itself audited. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'ADMINISTRATOR')")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/events")
    List<AuditEvent> events(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) String actor, @RequestParam(required = false) Long person,
                            @RequestParam(required = false) AuditEvent.Action action,
                            @RequestParam(required = false) AuditEvent.Outcome outcome,
                            @RequestParam(required = false) Long before,
                            @RequestParam(defaultValue = "100") int limit) {
        AuditQuery query = new AuditQuery(from, to, actor, person, action, outcome, before, limit);
        trail.record(bySignedInUser(AuditEvent.Action.SEARCH, AuditEvent.Outcome.SUCCESS, null, person, "AuditEvent",
                describe(query)));
        return trail.search(query);
    }

    @GetMapping("/verification")
    ChainVerification verification() {
        trail.record(bySignedInUser(AuditEvent.Action.READ, AuditEvent.Outcome.SUCCESS, null, null, "AuditChain", null));
        return trail.verify();
    }

    /** An event for whoever is signed in, from Spring Security alone (the audit feature depends on no other). */
    static AuditEvent bySignedInUser(AuditEvent.Action action, AuditEvent.Outcome outcome, String outcomeReason,
                                     Long personId, String entityType, String query) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().collect(Collectors.joining(","));
        return AuditEvent.of(action, outcome, outcomeReason, who.getName(),
                who instanceof JwtAuthenticationToken ? AuditEvent.ActorType.SYSTEM : AuditEvent.ActorType.STAFF,
                roles, null, "HOPERAT", personId, entityType, null, query, RequestClient.address());
    }

    private static String describe(AuditQuery q) {
        StringBuilder text = new StringBuilder();
        if (q.from() != null || q.to() != null) {
            text.append("date ");
        }
        if (q.actor() != null) {
            text.append("actor ");
        }
        if (q.personId() != null) {
            text.append("person ");
        }
        if (q.action() != null) {
            text.append("action=").append(q.action()).append(' ');
        }
        if (q.outcome() != null) {
            text.append("outcome=").append(q.outcome()).append(' ');
        }
        return text.toString().strip();
    }
}
