package org.careweave.worklist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something a team (or one member of staff) must do for a person, such as following them up after a discharge.
 *
 * @param teamId      the owning team, or null when one member of staff owns it ({@code ownerUserId})
 * @param assigneeId  the member of staff doing it, or null while nobody is
 * @param dueOn       the last working day by which it should be done
 */
public record FollowUpTask(long id, Kind kind, long personId, Long teamId, Long ownerUserId, Long assigneeId,
                           long encounterItemId, long hospitalOrganisationId, Instant dischargedAt, LocalDate dueOn,
                           Status status, String outcome, String cancelReason, Instant createdAt, Instant updatedAt,
                           String updatedBy) {

    public enum Kind { DISCHARGE_FOLLOW_UP }

    public enum Status {
        OPEN, IN_PROGRESS, COMPLETED, CANCELLED;

        public boolean open() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    public boolean overdue(LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }
}
