package org.careweave.ingest;

import java.util.Set;

import ca.uhn.fhir.context.FhirContext;

/** Where a resource type lives: the person index, a person's record, or the directory of shared resources. */
enum ResourceKinds {
    PATIENT, RECORD_ITEM, DIRECTORY;

    /** Resources about one person (the FHIR Patient compartment and the types partners send with it). */
    private static final Set<String> ABOUT_A_PERSON = Set.of("AllergyIntolerance", "Appointment", "CarePlan",
            "CareTeam", "Claim", "ClinicalImpression", "Communication", "Composition", "Condition", "Coverage",
            "DetectedIssue", "Device", "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentReference",
            "Encounter", "EpisodeOfCare", "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal",
            "ImagingStudy", "Immunization", "List", "Media", "MedicationAdministration", "MedicationDispense",
            "MedicationRequest", "MedicationStatement", "NutritionOrder", "Observation", "Procedure", "Provenance",
            "QuestionnaireResponse", "RiskAssessment", "ServiceRequest", "Specimen", "SupplyDelivery", "AdverseEvent",
            "Consent", "Task", "CommunicationRequest", "RequestGroup", "VisionPrescription", "BodyStructure",
            "ImmunizationEvaluation", "ImmunizationRecommendation", "MolecularSequence", "Invoice", "Account",
            "ChargeItem", "ClaimResponse", "CoverageEligibilityRequest", "CoverageEligibilityResponse",
            "EnrollmentRequest", "GuidanceResponse", "ResearchSubject", "Schedule", "SupplyRequest");

    /** Types that are never stored from a bundle. */
    private static final Set<String> REFUSED = Set.of("Bundle", "Parameters", "OperationOutcome", "Binary");

    private static final Set<String> R4_TYPES = FhirContext.forR4Cached().getResourceTypes();

    /**
     * @return the kind, or null with {@code why} explaining when the type cannot be stored
     */
    static ResourceKinds of(String resourceType) {
        if ("Patient".equals(resourceType)) {
            return PATIENT;
        }
        if (ABOUT_A_PERSON.contains(resourceType)) {
            return RECORD_ITEM;
        }
        return R4_TYPES.contains(resourceType) && !REFUSED.contains(resourceType) ? DIRECTORY : null;
    }

    static String why(String resourceType) {
        if (REFUSED.contains(resourceType)) {
            return resourceType + " resources cannot be stored from a bundle entry";
        }
        return "'" + resourceType + "' is not a FHIR R4 resource type";
    }

    static boolean known(String resourceType) {
        return R4_TYPES.contains(resourceType);
    }
}
