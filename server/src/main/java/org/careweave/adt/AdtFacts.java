package org.careweave.adt;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What CareWeave takes from an ADT message. Holds personal data: never log it.
 *
 * @param eventTime when the event happened: EVN-6, else EVN-2, else MSH-7 (orders a visit's messages)
 * @param patient   PID, or null for a message without one
 * @param visit     PV1 (and PV2), or null
 * @param prior     MRG of an A40, or null
 */
record AdtFacts(MessageHeader header, Instant eventTime, Patient patient, Visit visit, Prior prior) {

    /**
     * @param nhsNumber    a valid NHS number from PID-3 (type NH or authority NHS), or null when none was given
     * @param localId      the hospital's own patient number (first other PID-3 repetition), or null
     * @param sex          FHIR administrative gender
     */
    record Patient(String nhsNumber, String localId, String familyName, String givenName, LocalDate birthDate,
                   String sex, String addressLine, String postcode, LocalDate deceasedDate) {

        /** The hospital's id for the patient: its own number, else the NHS number. */
        String sourceId() {
            return localId != null ? localId : "nhs-" + nhsNumber;
        }
    }

    /**
     * @param patientClass         PV1-2
     * @param ward                 PV1-3 point of care
     * @param priorWard            PV1-6 prior point of care (A02, A12)
     * @param admissionType        PV1-4 (NHS admission method or HL7 admission type)
     * @param admitSource          PV1-14
     * @param visitNumber          PV1-19
     * @param dischargeDisposition PV1-36
     * @param admittedAt           PV1-44, or PV2-8 expected admission for a pre-admission
     * @param dischargedAt         PV1-45
     */
    record Visit(String patientClass, String ward, String priorWard, String admissionType, String admitSource,
                 String visitNumber, String dischargeDisposition, Instant admittedAt, Instant dischargedAt) {
    }

    /** MRG-1: the patient merged away, by hospital number and/or NHS number. */
    record Prior(String localId, String nhsNumber) {
    }
}
