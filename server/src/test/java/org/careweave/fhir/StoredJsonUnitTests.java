package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** The token copy of a stored resource against HAPI's parse, stamp, rewrite and encode of the same resource. */
class StoredJsonUnitTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = "http://localhost:8080/fhir";

    /** Contained resources, references in extensions and meta, versioned and absolute references, decimals, narrative. */
    private static final String SENT = """
            {"resourceType":"MedicationRequest","id":"abc","_id":{"extension":[{"url":"http://e/id","valueString":"x"}]},
             "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Lisinopril &amp; <b>more</b></div>"},
             "contained":[{"resourceType":"Medication","id":"med1","manufacturer":{"reference":"Organization/o1"}},
                          {"resourceType":"Medication","id":"unused","manufacturer":{"reference":"Organization/o2/_history/4"}}],
             "extension":[{"url":"http://x/e","valueReference":{"reference":"urn:uuid:7b2e0000-0000-4000-8000-000000000009"}}],
             "status":"active","intent":"order","medicationReference":{"reference":"#med1"},
             "subject":{"reference":"urn:uuid:5a1e0000-0000-4000-8000-000000000001","display":"Ms. \\u00c9lodie \\"Q\\""},
             "requester":{"reference":"http://localhost:8080/fhir/Practitioner/p2/_history/1"},
             "recorder":{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345"},
             "reasonReference":[{"reference":"http://other.org/fhir/Condition/c1/_history/2"},
                                {"reference":"Condition/c2","_reference":{"extension":[{"url":"http://e","valueString":"x"}]}}],
             "dosageInstruction":[{"sequence":1,"doseAndRate":[{"doseQuantity":{"value":1.50,"unit":"mg"}}],"asNeededBoolean":false}],
             "meta":{"lastUpdated":"2019-01-01T00:00:00Z","_lastUpdated":{"extension":[{"url":"http://e","valueString":"l"}]},
                     "versionId":"7","profile":["http://x/p"],"tag":[{"system":"http://t","code":"c"}],
                     "extension":[{"url":"http://e/m","valueReference":{"reference":"Organization/o1"}}]}}""";

    /** How HAPI writes the stubs' lastUpdated, 2024-05-01T10:15:30.123Z, in this JVM's time zone. */
    private static final String LAST_UPDATED = new InstantType(Date.from(java.time.Instant.parse(
            "2024-05-01T10:15:30.123Z"))).getValueAsString();

    private static final Map<String, String> REWRITTEN = Map.of(
            "urn:uuid:5a1e0000-0000-4000-8000-000000000001", "Patient/42",
            "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345", "Practitioner/d7",
            "Organization/o1", "Organization/d3",
            "Condition/c2", "Condition/99");

    @Test
    void aCopiedResourceIsWhatHapiServesForItOnceParsed() {
        Resource stub = stub(SENT, REWRITTEN);

        String copied = copied(stub);
        String throughHapi = hapi().encodeResourceToString(StoredResource.materialized(FHIR, stub));

        assertThat(canonical(copied)).isEqualTo(canonical(throughHapi));
        assertThat(copied).startsWith("{\"resourceType\":\"MedicationRequest\",\"id\":\"5\",")
                .contains("\"value\":1.50").contains("\"subject\":{\"reference\":\"Patient/42\"")
                .contains("\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"2024-05-01T10:15:30.123")
                .contains("\"source\":\"Organization/12\",\"profile\":[\"http://x/p\"]")
                .doesNotContain("\"_lastUpdated\"").doesNotContain("\"_id\"").doesNotContain("urn:uuid:5a1e");
    }

    @Test
    void aResourceSentWithoutMetaGetsCareWeavesMeta() {
        Resource stub = stub("""
                {"resourceType":"Observation","status":"final","code":{"text":"Weight"},
                 "subject":{"reference":"Patient/p1"},"valueQuantity":{"value":71.30,"unit":"kg"}}""",
                Map.of("Patient/p1", "Patient/42"));

        String copied = copied(stub);

        assertThat(canonical(copied)).isEqualTo(canonical(hapi().encodeResourceToString(
                StoredResource.materialized(FHIR, stub))));
        assertThat(FHIR.newJsonParser().parseResource(Observation.class, copied).getMeta().getSource())
                .isEqualTo("Organization/12");
    }

    @Test
    void referencesLeftAsWrittenAreWrittenAsHapiEncodesThem() {
        for (String written : List.of("Patient/p1", "Patient/p1/_history/3", "#med1", "urn:uuid:5a1e0000-0000-4000-8000-000000000001",
                "http://localhost:8080/fhir/Practitioner/p2", "http://localhost:8080/fhir/Practitioner/p2/_history/9",
                "http://other.org/fhir/Condition/c1/_history/2", "https://other.org/Condition/c1",
                "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345", "Location?identifier=a|b",
                "Organization/o1.x-2", "ftp://example.org/thing")) {
            Observation observation = new Observation();
            observation.setSubject(new Reference(written));
            String encoded = hapi().encodeResourceToString(observation);
            String hapi = FHIR.newJsonParser().parseResource(Observation.class, encoded).getSubject().getReference();

            assertThat(StoredJson.asHapiEncodes(written, BASE)).as(written).isEqualTo(hapi);
        }
    }

    @Test
    void aServedCopyIsServedAsTheResourceItWasMadeFrom() {
        // At ingest the bundle knew two of the references as its own record items; the rest are resolved when served.
        Map<String, String> itemTargets = Map.of("Condition/c2", "Condition/99",
                "urn:uuid:7b2e0000-0000-4000-8000-000000000009", "CareTeam/8");
        Map<String, String> resolvedWhenServed = new java.util.HashMap<>(REWRITTEN);
        resolvedWhenServed.remove("Condition/c2");
        Map<String, String> allRewritten = new java.util.HashMap<>(REWRITTEN);
        allRewritten.put("urn:uuid:7b2e0000-0000-4000-8000-000000000009", "CareTeam/r8");

        String copy = new ServedCopyJson().copyOf(SENT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                itemTargets::get);
        Resource fromCopy = stub(copy, true, resolvedWhenServed, "MedicationRequest");
        Resource fromSent = stub(SENT, allRewritten);

        assertThat(ServedCopyJson.referencesIn(copy)).containsExactlyInAnyOrder(
                "urn:uuid:5a1e0000-0000-4000-8000-000000000001", "http://localhost:8080/fhir/Practitioner/p2/_history/1",
                "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345", "Organization/o1",
                "Organization/o2/_history/4", "http://other.org/fhir/Condition/c1/_history/2");
        assertThat(copy).startsWith("{\"meta\":{\"profile\":[\"http://x/p\"],").doesNotContain("\n")
                .doesNotContain("\"versionId\"").contains("\"value\":1.50")
                .contains("\"reference\":\"Condition/99\"").contains("\"reference\":\"CareTeam/r8\"");
        assertThat(canonical(copied(fromCopy))).isEqualTo(canonical(copied(fromSent)));
        assertThat(copied(fromCopy)).startsWith("{\"resourceType\":\"MedicationRequest\",\"id\":\"5\",\"meta\":"
                + "{\"versionId\":\"3\",\"lastUpdated\":\"" + LAST_UPDATED + "\",\"source\":\"Organization/12\",");
        assertThat(canonical(hapi().encodeResourceToString(StoredResource.materialized(FHIR, fromCopy))))
                .isEqualTo(canonical(hapi().encodeResourceToString(StoredResource.materialized(FHIR, fromSent))));
    }

    @Test
    void aServedCopyKeepsReferencesWithEscapesAndResourcesWithNothingButTheirType() {
        String sent = """
                {"resourceType":"Observation","status":"final","code":{"text":"x \\u0001 \\"y\\""},
                 "subject":{"reference":"Patient/a\\"b\\u0001c\\\\"}}""";
        String copy = new ServedCopyJson().copyOf(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8), r -> null);

        assertThat(ServedCopyJson.referencesIn(copy)).containsExactly("Patient/a\"b\u0001c\\");
        Resource fromCopy = stub(copy, true, Map.of("Patient/a\"b\u0001c\\", "Patient/42"), "Observation");
        Observation served = FHIR.newJsonParser().parseResource(Observation.class, copied(fromCopy));
        assertThat(served.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(served.getCode().getText()).isEqualTo("x \u0001 \"y\"");

        String bare = new ServedCopyJson().copyOf("{\"resourceType\":\"Basic\",\"id\":\"b\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), r -> null);
        assertThat(bare).isEqualTo("{\"meta\":{}}");
        assertThat(copied(stub(bare, true, Map.of(), "Observation"))).isEqualTo("{\"resourceType\":\"Observation\","
                + "\"id\":\"5\",\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"" + LAST_UPDATED + "\","
                + "\"source\":\"Organization/12\"}}");
    }

    @Test
    void everyResourceOfTheSampleBundlesPrettyPrintedIsWhatHapiServesForIt() throws java.io.IOException {
        int resources = 0;
        for (String file : List.of("synthea-patient.json", "synthea-practitioners.json")) {
            String text = new String(getClass().getResourceAsStream("/ingest/" + file).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, text);
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                Map<String, String> rewritten = new java.util.HashMap<>();
                for (Reference reference : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource,
                        Reference.class)) {
                    if (reference.getReference() != null) {
                        rewritten.put(reference.getReference(), "Practitioner/r" + rewritten.size());
                    }
                }
                Resource stub = stub(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource),
                        rewritten);

                String copied = copied(stub);

                assertThat(canonical(copied)).as(resource.fhirType())
                        .isEqualTo(canonical(hapi().encodeResourceToString(StoredResource.materialized(FHIR, stub))));
                assertThat(copied).doesNotContain("\n").doesNotContain(": ");
                resources++;
            }
        }
        assertThat(resources).isGreaterThan(5);
    }

    @Test
    void anyJsonWhitespaceAndEscapedNamesAreCopiedAsHapiReadsThem() {
        String sent = "\r\n {\t\"resourceType\" : \"Observation\" ,\r\n\t\"meta\" :\n{ \"tag\" : [ ] , \"versionId\": \"9\" } ,"
                + " \"status\":\"final\", \"code\" : { \"coding\" : [ { \"code\" : \"a b\" } , { } ] , \"text\":\"\\u00e9 \\/ \\\"q\\\"\" },"
                + " \"subject\" : { \"\\u0072eference\" : \"Patient\\/p1\" }, \"focus\":[{\"reference\":\"Patient/p1\"}],"
                + " \"valueQuantity\" : { \"value\" : -1.250e+2 , \"unit\" : \"mg\" } ,"
                + " \"issued\" : null , \"_status\" : { \"extension\" : [ { \"url\" : \"http://e\", \"valueBoolean\" : true } ] } }\n";
        Resource stub = stub(sent, Map.of("Patient/p1", "Patient/42"));

        String copied = copied(stub);

        assertThat(canonical(copied)).isEqualTo(canonical(hapi().encodeResourceToString(
                StoredResource.materialized(FHIR, stub))));
        assertThat(copied).startsWith("{\"resourceType\":\"Observation\",\"id\":\"5\",\"meta\":{\"versionId\":\"3\",")
                .contains("\"source\":\"Organization/12\",\"tag\":[]},\"status\":\"final\"")
                .contains("\"coding\":[{\"code\":\"a b\"},{}]").contains("\"value\":-1.250e+2")
                .contains("{\"reference\":\"Patient/42\"}").doesNotContain("Patient/p1").doesNotContain("\n");
    }

    private static Resource stub(String json, Map<String, String> references) {
        return stub(json, false, references, FHIR.newJsonParser().parseResource(json).fhirType());
    }

    private static Resource stub(String json, boolean servedCopy, Map<String, String> references, String type) {
        Resource stub = StoredResource.stub(FHIR, type, new StoredResource(json, servedCopy, references));
        stub.setIdElement(new IdType(stub.fhirType(), "5"));
        stub.getMeta().setVersionIdElement(new IdType("3"))
                .setLastUpdatedElement(new InstantType(Date.from(java.time.Instant.parse("2024-05-01T10:15:30.123Z"))))
                .setSourceElement(new UriType("Organization/12"));
        return stub;
    }

    private static String copied(Resource stub) {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = StoredJson.FACTORY.createGenerator(json)) {
            StoredJson.write(out, stub, BASE);
        }
        return json.toString();
    }

    /** The parser HAPI's server answers with: relative to the server's base. */
    private static IParser hapi() {
        return FHIR.newJsonParser().setServerBaseUrl(BASE);
    }

    /** Parsed by HAPI and encoded again, so that the order of elements and whitespace do not count. */
    private static String canonical(String json) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(FHIR.newJsonParser().parseResource(json));
    }
}
