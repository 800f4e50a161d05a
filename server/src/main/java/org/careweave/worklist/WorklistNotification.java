package org.careweave.worklist;

import java.time.Instant;

import org.careweave.adt.HospitalMovement;

/**
 * A movement as one addressee (a member of staff or a team) sees it on their worklist.
 *
 * @param reason why they hear of it: CARE_MANAGER, CASELOAD, VIRTUAL_WARD, REFERRAL or COHORT
 */
public record WorklistNotification(long id, long personId, HospitalMovement.Kind movement, long hospitalOrganisationId,
                                   long encounterItemId, Instant occurredAt, String patientClass, String ward,
                                   String dischargeDisposition, Long userId, Long teamId, String reason,
                                   Instant createdAt, Instant acknowledgedAt, String acknowledgedBy) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
