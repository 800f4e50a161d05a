package org.careweave.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The sensitive category a resource's security labels put it in: HL7's information sensitivity codes in
 * {@code meta.security} (v3 ActCode), mapped to the categories CareWeave's consent model names. A resource so
 * labelled is shared beyond the organisation that sent it only with the person's explicit permission for that
 * category. Codes outside the map (confidentiality levels, other policies) give no category.
 */
final class SecurityLabels {

    private static final Set<String> ACT_CODE = Set.of("http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "http://hl7.org/fhir/v3/ActCode");

    private static final String MENTAL_HEALTH = "MENTAL_HEALTH";
    private static final String SEXUAL_HEALTH = "SEXUAL_HEALTH";
    private static final String SAFEGUARDING = "SAFEGUARDING";

    /**
     * Substance use is counted with mental health, as the services that record it usually are; SOC (social services)
     * is what CareWeave itself labels safeguarding with (fhir.ConsentResourceProvider).
     */
    private static final Map<String, String> CATEGORY = Map.ofEntries(
            Map.entry("PSY", MENTAL_HEALTH), Map.entry("PSYTHPN", MENTAL_HEALTH), Map.entry("BH", MENTAL_HEALTH),
            Map.entry("EMOTDIS", MENTAL_HEALTH), Map.entry("ETH", MENTAL_HEALTH), Map.entry("ETHUD", MENTAL_HEALTH),
            Map.entry("OPIOIDUD", MENTAL_HEALTH),
            Map.entry("HIV", SEXUAL_HEALTH), Map.entry("STD", SEXUAL_HEALTH), Map.entry("SEX", SEXUAL_HEALTH),
            Map.entry("SDV", SAFEGUARDING), Map.entry("SOC", SAFEGUARDING));

    /** An item has one category; when labels name several, the first of these wins. */
    private static final List<String> PRECEDENCE = List.of(SAFEGUARDING, SEXUAL_HEALTH, MENTAL_HEALTH);

    private SecurityLabels() {
    }

    /** @return one of the sensitive category names, or null */
    static String sensitivity(JsonNode resource) {
        int best = PRECEDENCE.size();
        for (JsonNode label : Json.list(Json.object(resource, "meta"), "security")) {
            String system = Json.text(label, "system");
            String category = system != null && ACT_CODE.contains(system) ? CATEGORY.get(Json.text(label, "code")) : null;
            if (category != null) {
                best = Math.min(best, PRECEDENCE.indexOf(category));
            }
        }
        return best < PRECEDENCE.size() ? PRECEDENCE.get(best) : null;
    }
}
