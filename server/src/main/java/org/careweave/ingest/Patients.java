package org.careweave.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.careweave.person.IncomingPatient;
import tools.jackson.databind.JsonNode;

/** A Patient entry as the person index takes it. */
final class Patients {

    private Patients() {
    }

    /** @throws IllegalArgumentException naming what is missing or wrong */
    static IncomingPatient incoming(Entry entry) {
        JsonNode patient = entry.raw.resource();
        JsonNode name = officialName(patient);
        JsonNode address = Json.first(patient, "address");
        List<IncomingPatient.Identifier> identifiers = new ArrayList<>();
        entry.facts.identifiers().forEach(i -> {
            int bar = i.indexOf('|');
            identifiers.add(new IncomingPatient.Identifier(i.substring(0, bar), i.substring(bar + 1)));
        });
        List<String> lines = new ArrayList<>();
        Json.list(address, "line").forEach(line -> lines.add(line.isString() ? line.stringValue() : ""));
        String gender = Json.text(patient, "gender");
        return new IncomingPatient(entry.sourceId, entry.raw.fullUrl(), identifiers, given(name),
                Json.text(name, "family"), FhirDates.date(Json.text(patient, "birthDate")),
                gender == null ? "unknown" : gender, lines.isEmpty() ? null : String.join(", ", lines),
                Json.text(address, "postalCode"), FhirDates.date(Json.text(patient, "deceasedDateTime")),
                new String(entry.raw.raw(), StandardCharsets.UTF_8), entry.hash);
    }

    private static JsonNode officialName(JsonNode patient) {
        List<JsonNode> names = Json.list(patient, "name");
        return names.stream().filter(n -> "official".equals(Json.text(n, "use"))).findFirst()
                .orElse(names.isEmpty() ? null : names.get(0));
    }

    private static String given(JsonNode name) {
        JsonNode given = Json.first(name, "given");
        return given != null && given.isString() ? given.stringValue() : null;
    }
}
