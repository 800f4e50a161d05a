package org.careweave.audit;

import java.time.Instant;

/**
 * One audited event. Never carries personal data beyond the person's id: no names, no NHS numbers, no clinical text.
 *
 * @param actor         staff username, client id, or the username tried in a failed sign-in
 * @param roles         the roles the actor acted in, comma-separated
 * @param organisation  ODS code of the organisation the actor acted for
 * @param purpose       HL7 v3 PurposeOfUse code (TREAT, ETREAT, HOPERAT, ...)
 * @param personId      whose data, when the event concerns a person
 * @param entityType    what kind of thing was touched (Patient, Condition, Consent, record, ...)
 * @param query         for searches, the query without personal values
 */
public record AuditEvent(Long id, Instant occurredAt, Action action, Outcome outcome, String outcomeReason,
                         String actor, ActorType actorType, String roles, String organisation, String purpose,
                         Long personId, String entityType, String entityId, String query, String client) {

    public enum Action { AUTHENTICATE, READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT, BREAK_GLASS, REVIEW }

    public enum Outcome { SUCCESS, DENIED, FAILED }

    public enum ActorType { STAFF, SYSTEM, ANONYMOUS }

    /** A new event, to be numbered and timed by the trail. */
    public static AuditEvent of(Action action, Outcome outcome, String outcomeReason, String actor, ActorType actorType,
                                String roles, String organisation, String purpose, Long personId, String entityType,
                                String entityId, String query, String client) {
        return new AuditEvent(null, null, action, outcome, outcomeReason, actor, actorType, roles, organisation,
                purpose, personId, entityType, entityId, query, client);
    }

    /** Writes change data: they are audited only once their transaction commits. */
    boolean isWrite() {
        return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE
                || action == Action.BREAK_GLASS || action == Action.REVIEW;
    }
}
