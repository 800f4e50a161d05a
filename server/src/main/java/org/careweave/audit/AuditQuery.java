package org.careweave.audit;

import java.time.Instant;

/**
 * Which events to list, newest first. Nulls mean "any".
 *
 * @param beforeId for the next page: only events older than this one
 * @param limit    how many at most (1 to 500)
 */
public record AuditQuery(Instant from, Instant to, String actor, Long personId, AuditEvent.Action action,
                         AuditEvent.Outcome outcome, Long beforeId, int limit) {

    public AuditQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("Ask for between 1 and 500 audit events at a time, not " + limit);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("The end of the period must be after its start");
        }
    }

    public static AuditQuery forPerson(long personId, int limit) {
        return new AuditQuery(null, null, null, personId, null, null, null, limit);
    }
}
