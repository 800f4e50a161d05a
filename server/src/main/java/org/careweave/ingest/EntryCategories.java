package org.careweave.ingest;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The record category an item is filed under, which data-sharing agreements and consent name. Encounters are told
 * apart by their class (v3 ActCode), priority and type as well as a partner's data allows.
 */
final class EntryCategories {

    private EntryCategories() {
    }

    static String of(String type, JsonNode resource) {
        return switch (type) {
            case "Condition" -> "problem";
            case "MedicationStatement", "MedicationRequest" -> "medication";
            case "AllergyIntolerance" -> "allergy";
            case "Observation" -> "observation";
            case "Procedure" -> "procedure";
            case "Immunization" -> "immunization";
            case "Encounter" -> encounter(resource);
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static String encounter(JsonNode resource) {
        String actClass = Json.text(Json.first(resource, "class"), "code");
        String typeText = typeText(resource);
        if (actClass == null) {
            return "encounter";
        }
        return switch (actClass) {
            case "IMP", "ACUTE", "NONAC" -> emergency(resource, typeText) ? "emergency-admission" : "elective-admission";
            case "EMER" -> "ae-attendance";
            case "HH" -> "home-visit";
            case "AMB", "VR", "PRENC" -> primaryCare(typeText) ? "gp-consultation" : "outpatient-attendance";
            default -> "encounter";
        };
    }

    private static boolean emergency(JsonNode resource, String typeText) {
        String priority = Json.text(Json.first(Json.object(resource, "priority"), "coding"), "code");
        String admitSource = Json.text(Json.first(Json.object(Json.object(resource, "hospitalization"),
                "admitSource"), "coding"), "code");
        return "EM".equals(priority) || "UR".equals(priority) || "emd".equals(admitSource)
                || typeText.contains("emergency");
    }

    private static boolean primaryCare(String typeText) {
        return typeText.contains("general practi") || typeText.contains("check up") || typeText.contains("check-up")
                || typeText.contains("consultation") || typeText.contains("well child") || typeText.contains("gp ");
    }

    private static String typeText(JsonNode resource) {
        StringBuilder text = new StringBuilder();
        for (JsonNode type : Json.list(resource, "type")) {
            text.append(Json.text(type, "text")).append(' ');
            Json.list(type, "coding").forEach(coding -> text.append(Json.text(coding, "display")).append(' '));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
