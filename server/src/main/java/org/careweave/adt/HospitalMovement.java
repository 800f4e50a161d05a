package org.careweave.adt;

import java.time.Instant;

/**
 * A person's movement in or out of hospital as a patient administration system announced it over HL7v2, published
 * inside the transaction that applied the message to the record.
 *
 * @param hospitalOrganisationId the sending hospital (source of the encounter)
 * @param encounterItemId        the record item of the encounter the message created or updated
 * @param occurredAt             when the movement happened (admit, transfer or discharge time from the message)
 * @param patientClass           PV1-2, e.g. I (inpatient), E (emergency), O (outpatient)
 * @param ward                   PV1-3 point of care, or null
 * @param dischargeDisposition   PV1-36 for discharges, or null
 * @param messageControlId       MSH-10 of the message
 */
public record HospitalMovement(long personId, Kind kind, long hospitalOrganisationId, long encounterItemId,
                               Instant occurredAt, String patientClass, String ward, String dischargeDisposition,
                               String messageControlId) {

    public enum Kind {
        /** A01, or an A04/A05 registration that is an attendance (e.g. A&E). */
        ADMITTED, ATTENDED, PRE_ADMITTED, TRANSFERRED, DISCHARGED,
        /** A11, A12, A13. */
        ADMISSION_CANCELLED, TRANSFER_CANCELLED, DISCHARGE_CANCELLED
    }
}
