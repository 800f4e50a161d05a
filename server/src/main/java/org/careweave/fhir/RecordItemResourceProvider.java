package org.careweave.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careweave.record.RecordQuery;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read, vread and search for one kind of record item. Searches are for one patient at a time, paged by a keyset
 * cursor; items hidden by the access policy are reported in an OperationOutcome entry (search mode "outcome") that
 * says how many and why, rather than silently left out.
 */
class RecordItemResourceProvider implements IResourceProvider {

    /**
     * The record item types served over FHIR, one provider each: those partners send about a person that have a
     * patient search parameter. CareTeam and Consent items are served by the providers of those types,
     * EpisodeOfCare items by {@link EpisodeOfCareResourceProvider} together with caseload episodes; RiskAssessment and
     * Task are the platform's own (risk scores, follow-up tasks), so partners' items of those types are not served.
     */
    static final List<String> TYPES = List.of("AllergyIntolerance", "Appointment", "CarePlan", "Claim",
            "ClinicalImpression", "Communication", "Composition", "Condition", "Coverage", "DetectedIssue", "Device",
            "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentReference", "Encounter",
            "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal", "ImagingStudy",
            "Immunization", "List", "Media", "MedicationAdministration", "MedicationDispense", "MedicationRequest",
            "MedicationStatement", "NutritionOrder", "Observation", "Procedure", "Provenance", "QuestionnaireResponse",
            "ServiceRequest", "Specimen", "SupplyDelivery", "AdverseEvent",
            "CommunicationRequest", "RequestGroup", "VisionPrescription", "ImmunizationEvaluation",
            "ImmunizationRecommendation", "Invoice", "Account", "ChargeItem", "ClaimResponse",
            "CoverageEligibilityRequest", "CoverageEligibilityResponse", "GuidanceResponse", "ResearchSubject");

    private final Class<? extends Resource> type;
    private final Set<String> searchParameters;
    private final RecordSearch search;

    @SuppressWarnings("unchecked")
    RecordItemResourceProvider(FhirContext fhir, String type, RecordSearch search) {
        this.type = (Class<? extends Resource>) fhir.getResourceDefinition(type).getImplementingClass();
        this.searchParameters = searchParameters(fhir, type);
        this.search = search;
    }

    /**
     * The standard parameters CareWeave answers that this type defines in R4 (not every type has subject, code...),
     * plus {@code date} and {@code status}, the item's clinical date and status, on every type (Condition, for one,
     * has only onset-date and clinical-status in R4).
     */
    static Set<String> searchParameters(FhirContext fhir, String type) {
        Set<String> names = new TreeSet<>();
        for (String name : SearchParameters.RECORD_SEARCH) {
            if (name.startsWith("_") || name.equals("date") || name.equals("status") || fhir.getResourceDefinition(type).getSearchParam(name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    static boolean servable(FhirContext fhir, String type) {
        Set<String> names = searchParameters(fhir, type);
        return names.contains("patient") || names.contains("subject");
    }

    @Override
    public Class<? extends Resource> getResourceType() {
        return type;
    }

    private String typeName() {
        return type.getSimpleName();
    }

    @Read(version = true)
    public Resource read(@IdParam IdType id) {
        return search.read(typeName(), id);
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        RecordQuery query = SearchParameters.recordQuery(search.fhir(), typeName(), searchParameters,
                request.getParameters());
        return search.answer(request, query, includes(request));
    }

    private List<String> includes(RequestDetails request) {
        List<String> includes = new ArrayList<>();
        for (String include : SearchParameters.includes(request.getParameters())) {
            String[] parts = include.split(":");
            if (parts.length != 2 || !(parts[0].equals(typeName()) || parts[0].equals("*"))
                    || !RecordSearch.INCLUDES.contains(parts[1])
                    || search.fhir().getResourceDefinition(typeName()).getSearchParam(parts[1]) == null) {
                throw new InvalidRequestException("_include '" + include + "' is not supported on " + typeName()
                        + "; supported: " + typeName() + ":patient, " + typeName() + ":subject and "
                        + "MedicationRequest:medication (where the type has them)");
            }
            includes.add(parts[1]);
        }
        return includes;
    }
}
