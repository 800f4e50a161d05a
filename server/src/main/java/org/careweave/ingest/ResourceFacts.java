package org.careweave.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What CareWeave reads out of a resource besides storing it: the typed columns, identifiers, every reference (for
 * checking), and problems (the codings' from {@link ResourceReader}, and dates that are not FHIR dates). Any coding
 * system written as an absolute URI is accepted, because partners use local code systems the platform cannot know in
 * advance.
 */
record ResourceFacts(String category, String codeSystem, String code, String display, String status, Instant start,
                     Instant end, BigDecimal value, String unit, String sensitivity, List<String> identifiers,
                     List<String> references,
                     List<String> patientReferences, List<String> problems) {

    /** Where each type keeps the code the platform files it under. */
    private static final Map<String, String> CODE_PROPERTY = Map.ofEntries(
            Map.entry("MedicationRequest", "medicationCodeableConcept"),
            Map.entry("MedicationStatement", "medicationCodeableConcept"),
            Map.entry("MedicationAdministration", "medicationCodeableConcept"),
            Map.entry("MedicationDispense", "medicationCodeableConcept"),
            Map.entry("Immunization", "vaccineCode"), Map.entry("Encounter", "type"),
            Map.entry("EpisodeOfCare", "type"), Map.entry("DocumentReference", "type"),
            Map.entry("CarePlan", "category"), Map.entry("CareTeam", "category"), Map.entry("Goal", "description"),
            Map.entry("Device", "type"), Map.entry("ImagingStudy", "procedureCode"), Map.entry("Claim", "type"),
            Map.entry("ExplanationOfBenefit", "type"), Map.entry("Provenance", "activity"),
            Map.entry("Coverage", "type"));

    private static final List<String> PERIODS = List.of("effectivePeriod", "period", "performedPeriod",
            "billablePeriod", "occurrencePeriod", "onsetPeriod");
    private static final List<String> MOMENTS = List.of("effectiveDateTime", "onsetDateTime", "performedDateTime",
            "occurrenceDateTime", "authoredOn", "started", "recorded", "date", "startDate", "issued", "created",
            "recordedDate", "effectiveInstant", "dateAsserted");

    static ResourceFacts of(String type, ResourceReader.Read read) {
        JsonNode resource = read.summary();
        List<String> problems = new ArrayList<>(read.problems());
        List<String> references = read.references();
        JsonNode coding = Json.first(codeOf(type, resource), "coding");
        Instant[] when = when(resource, problems);
        JsonNode quantity = Json.object(resource, "valueQuantity");
        return new ResourceFacts(EntryCategories.of(type, resource), Json.text(coding, "system"),
                Json.text(coding, "code"), display(codeOf(type, resource), coding), status(resource), when[0], when[1],
                value(quantity, problems),
                Json.text(quantity, "unit"), SecurityLabels.sensitivity(resource), identifiers(resource), references, patientReferences(type, resource),
                problems);
    }

    /** valueQuantity.value, which FHIR's JSON writes as a number. */
    private static BigDecimal value(JsonNode quantity, List<String> problems) {
        JsonNode value = quantity == null ? null : quantity.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add("has a valueQuantity.value that is not a JSON number (FHIR writes decimals as numbers, "
                    + "e.g. 72 or 5.4)");
            return null;
        }
        return value.decimalValue();
    }

    static List<String> identifiers(JsonNode resource) {
        List<String> all = new ArrayList<>();
        for (JsonNode identifier : Json.list(resource, "identifier")) {
            String system = Json.text(identifier, "system");
            String value = Json.text(identifier, "value");
            if (system != null && value != null) {
                all.add(system + "|" + value);
            }
        }
        return all;
    }

    private static JsonNode codeOf(String type, JsonNode resource) {
        String property = CODE_PROPERTY.getOrDefault(type, "code");
        if ("SupplyDelivery".equals(type)) {
            return Json.object(Json.object(resource, "suppliedItem"), "itemCodeableConcept");
        }
        return Json.first(resource, property);
    }

    private static String display(JsonNode concept, JsonNode coding) {
        String display = Json.text(coding, "display");
        return display != null ? display : Json.text(concept, "text");
    }

    private static String status(JsonNode resource) {
        String status = Json.text(resource, "status");
        if (status == null) {
            status = Json.text(Json.first(Json.object(resource, "clinicalStatus"), "coding"), "code");
        }
        return status;
    }

    private static Instant[] when(JsonNode resource, List<String> problems) {
        try {
            for (String name : PERIODS) {
                JsonNode period = Json.object(resource, name);
                if (period != null) {
                    return new Instant[] {FhirDates.instant(Json.text(period, "start")),
                            FhirDates.instant(Json.text(period, "end"))};
                }
            }
            Instant end = FhirDates.instant(Json.text(resource, "abatementDateTime"));
            for (String name : MOMENTS) {
                String moment = Json.text(resource, name);
                if (moment != null) {
                    return new Instant[] {FhirDates.instant(moment), end};
                }
            }
            return new Instant[] {null, end};
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return new Instant[2];
        }
    }

    /** References that may name the person the resource is about, best first (Provenance: all its targets). */
    private static List<String> patientReferences(String type, JsonNode resource) {
        for (String property : List.of("patient", "subject", "beneficiary")) {
            String reference = Json.text(Json.object(resource, property), "reference");
            if (reference != null) {
                return List.of(reference);
            }
        }
        List<String> targets = new ArrayList<>();
        if ("Provenance".equals(type)) {
            Json.list(resource, "target").forEach(target -> {
                String reference = Json.text(target, "reference");
                if (reference != null) {
                    targets.add(reference);
                }
            });
        }
        return targets;
    }

    static String lowerCase(String type) {
        return type.toLowerCase(Locale.ROOT);
    }
}
