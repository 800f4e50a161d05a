package org.careweave.access;

import java.util.stream.Collectors;

import org.careweave.audit.AuditEvent;
import org.careweave.audit.AuditTrail;
import org.careweave.organisation.Organisations;
import org.careweave.shared.Role;
import org.springframework.stereotype.Component;

/** Turns access decisions into audit events. */
@Component
class AccessAudit {

    private final AuditTrail trail;
    private final Organisations organisations;

    AccessAudit(AuditTrail trail, Organisations organisations) {
        this.trail = trail;
        this.organisations = organisations;
    }

    void allowed(AccessContext who, Long personId, AccessIntent intent, PersonAccess.Basis basis) {
        trail.record(event(who, personId, intent, AuditEvent.Outcome.SUCCESS, basis == null ? null : basis.name()));
    }

    /** One allowed event per person, recorded together (see {@link AuditTrail#recordAll}). */
    void allowed(AccessContext who, java.util.Collection<Long> personIds, AccessIntent intent) {
        trail.recordAll(personIds.stream().map(id -> event(who, id, intent, AuditEvent.Outcome.SUCCESS, null))
                .toList());
    }

    void denied(AccessContext who, Long personId, AccessIntent intent, PersonAccess.Basis basis) {
        trail.record(event(who, personId, intent, AuditEvent.Outcome.DENIED, basis.name()));
    }

    void breakGlass(AccessContext who, long personId, long useId, String outcomeReason, AuditEvent.Outcome outcome) {
        trail.record(AuditEvent.of(AuditEvent.Action.BREAK_GLASS, outcome, outcomeReason, who.actor(), actorType(who),
                roles(who), organisation(who), Purpose.EMERGENCY_CARE.purposeOfUse(), personId, "BreakGlass",
                useId < 0 ? null : Long.toString(useId), null, who.client()));
    }

    void review(AccessContext who, long personId, long useId) {
        trail.record(AuditEvent.of(AuditEvent.Action.REVIEW, AuditEvent.Outcome.SUCCESS, null, who.actor(),
                actorType(who), roles(who), organisation(who), Purpose.ADMINISTRATION.purposeOfUse(), personId,
                "BreakGlass", Long.toString(useId), null, who.client()));
    }

    private AuditEvent event(AccessContext who, Long personId, AccessIntent intent, AuditEvent.Outcome outcome,
                             String reason) {
        return AuditEvent.of(AuditEvent.Action.valueOf(intent.operation().name()), outcome, reason, who.actor(),
                actorType(who), roles(who), organisation(who), who.purpose().purposeOfUse(), personId,
                intent.entityType(), intent.entityId(), intent.query(), who.client());
    }

    private static AuditEvent.ActorType actorType(AccessContext who) {
        return who.isSystemClient() ? AuditEvent.ActorType.SYSTEM : AuditEvent.ActorType.STAFF;
    }

    private static String roles(AccessContext who) {
        return who.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private String organisation(AccessContext who) {
        return organisations.codeOf(who.actingOrganisationId()).orElse(Long.toString(who.actingOrganisationId()));
    }
}
