package org.careweave.person;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner's Patient resource as the person index needs it.
 *
 * @param sourceId     the partner's id for the patient (unique per partner)
 * @param fullUrl      the bundle entry's fullUrl, or null
 * @param identifiers  every identifier the partner gave, the NHS number among them if any
 * @param postcode     the home postcode, or null
 * @param resourceJson the resource exactly as received
 * @param contentHash  a hash of the resource as received, to recognise a resend of the same content
 */
public record IncomingPatient(String sourceId, String fullUrl, List<Identifier> identifiers, String givenName,
                              String familyName, LocalDate birthDate, String sex, String addressLine,
                              String postcode, LocalDate deceasedDate, String resourceJson, byte[] contentHash) {

    /** A FHIR identifier: system and value. */
    public record Identifier(String system, String value) {
    }

    public IncomingPatient {
        identifiers = List.copyOf(identifiers);
        if (sourceId == null || sourceId.isBlank() || givenName == null || familyName == null || birthDate == null) {
            throw new IllegalArgumentException("A patient needs an id, a given and a family name and a birth date "
                    + "to be matched to the person index");
        }
        if (!List.of("female", "male", "other", "unknown").contains(sex)) {
            throw new IllegalArgumentException("Patient.gender must be female, male, other or unknown, not " + sex);
        }
    }

    /** The NHS number given, if it passes the modulus-11 check; null otherwise. */
    String validNhsNumber() {
        return identifiers.stream().filter(i -> NhsNumber.SYSTEM.equals(i.system()))
                .map(i -> NhsNumber.validOrNull(i.value())).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }
}
