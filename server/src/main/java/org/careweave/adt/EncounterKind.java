package org.careweave.adt;

import java.util.Locale;

/**
 * The record category of a hospital visit, after the conventions of {@code ingest.EntryCategories} and the synthetic
 * record: patient class E is an A&E attendance; an inpatient (or pre-admitted) stay is an emergency admission when
 * PV1-4 says so (HL7 admission type E, U or A, or an NHS admission method 2x), otherwise elective; outpatients and
 * recurring patients attend clinics. Also the FHIR class (v3 ActCode) and SNOMED CT type that go with it.
 */
enum EncounterKind {
    EMERGENCY_ADMISSION("emergency-admission", "IMP", "inpatient encounter", "183452005", "Emergency hospital admission"),
    ELECTIVE_ADMISSION("elective-admission", "IMP", "inpatient encounter", "8715000", "Hospital admission, elective"),
    AE_ATTENDANCE("ae-attendance", "EMER", "emergency", "4525004", "Emergency department patient visit"),
    OUTPATIENT_ATTENDANCE("outpatient-attendance", "AMB", "ambulatory", "11429006", "Consultation"),
    OTHER("encounter", "AMB", "ambulatory", "308335008", "Patient encounter procedure");

    final String category;
    final String actCode;
    final String actDisplay;
    final String snomedCode;
    final String snomedDisplay;

    EncounterKind(String category, String actCode, String actDisplay, String snomedCode, String snomedDisplay) {
        this.category = category;
        this.actCode = actCode;
        this.actDisplay = actDisplay;
        this.snomedCode = snomedCode;
        this.snomedDisplay = snomedDisplay;
    }

    static EncounterKind of(String patientClass, String admissionType) {
        String pc = patientClass == null ? "" : patientClass.toUpperCase(Locale.ROOT);
        return switch (pc) {
            case "E" -> AE_ATTENDANCE;
            case "I", "P", "B" -> emergency(admissionType) ? EMERGENCY_ADMISSION : ELECTIVE_ADMISSION;
            case "O", "R" -> OUTPATIENT_ATTENDANCE;
            default -> OTHER;
        };
    }

    boolean isEmergency() {
        return this == EMERGENCY_ADMISSION || this == AE_ATTENDANCE;
    }

    private static boolean emergency(String admissionType) {
        if (admissionType == null) {
            return false;
        }
        String type = admissionType.toUpperCase(Locale.ROOT);
        return type.equals("E") || type.equals("U") || type.equals("A") || type.startsWith("2");
    }
}
