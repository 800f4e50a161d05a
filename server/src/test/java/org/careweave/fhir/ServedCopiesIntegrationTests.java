package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.access.CareRelationships;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resource with many references into its own bundle (Synthea's Provenance names every resource of the bundle) is
 * kept with a served copy made at ingest; served from it, each reference still names what CareWeave serves for its
 * target, and the answer is the one the resource as sent gives.
 */
@CareWeaveTest
class ServedCopiesIntegrationTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    @Test
    void aProvenanceOfFortyObservationsNamesEachServedObservationBeforeAndAfterItChanges() {
        Http http = new Http(port);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'GP_PRACTICE') returning id")
                .param("c", "BT" + tag).param("n", "Targets Surgery " + tag).query(Long.class).single();
        clients.register("targets-" + tag, practice, "a-long-enough-secret", null, false);
        String token = Tokens.clientCredentials(http, "targets-" + tag, "a-long-enough-secret");
        String patient = "urn:uuid:" + UUID.randomUUID();
        List<String> observations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            observations.add("urn:uuid:" + UUID.randomUUID());
        }

        HttpResponse<String> first = http.fhirPost(token, bundle(tag, patient, observations, observations));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long person = jdbc.sql("select person_id from person_source_patient where source_org_id = :org")
                .param("org", practice).query(Long.class).single();
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));

        assertThat(servedCopies(practice)).isEqualTo(1);
        Set<String> served = servedObservations(http, token, person);
        assertThat(served).hasSize(40);
        assertThat(provenanceTargets(http, token, person)).containsExactlyInAnyOrderElementsOf(
                concat(served, "Patient/" + person));
        String fromCopy = provenance(http, token, person, "application/fhir+json");
        assertThat(fromCopy).contains("\"profile\":[\"http://example.org/provenance\"]")
                .contains("\"reference\":\"https://elsewhere.example/fhir/Device/d1\"").doesNotContain("urn:uuid");
        assertThat(provenance(http, token, person, "application/fhir+xml")).isEqualTo(fromCopy);
        setCopyVersions(practice, "-1");
        assertThat(provenance(http, token, person, "application/fhir+json")).as("served from the JSON as sent")
                .isEqualTo(fromCopy);
        setCopyVersions(practice, "i.version");

        assertThat(http.fhirPost(token, bundle(tag, patient, observations, observations)).statusCode()).isEqualTo(200);
        assertThat(servedCopies(practice)).isEqualTo(1);

        List<String> two = observations.subList(0, 2);
        assertThat(http.fhirPost(token, bundle(tag, patient, observations, two)).statusCode()).isEqualTo(200);
        assertThat(servedCopies(practice)).as("a Provenance now naming two has no copy").isZero();
        assertThat(provenanceTargets(http, token, person)).hasSize(3).contains("Patient/" + person)
                .allMatch(target -> target.startsWith("Patient/") || served.contains(target));
    }

    /** Served copies of the organisation's items, of their current versions. */
    private int servedCopies(long practice) {
        return jdbc.sql("""
                        select count(*) from record_item_served_copy c
                          join record_item i on i.id = c.item_id and i.version = c.version
                         where i.source_org_id = :org""")
                .param("org", practice).query(Integer.class).single();
    }

    private void setCopyVersions(long practice, String version) {
        jdbc.sql("update record_item_served_copy c set version = " + version
                        + " from record_item i where i.id = c.item_id and i.source_org_id = :org")
                .param("org", practice).update();
    }

    /** The Provenance as served in this format, once parsed, encoded by HAPI. */
    private static String provenance(Http http, String token, long person, String format) {
        HttpResponse<String> answer = http.get("/fhir/Provenance?patient=" + person, "Authorization", "Bearer " + token,
                "Accept", format);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Bundle bundle = (Bundle) (format.endsWith("xml") ? FHIR.newXmlParser() : FHIR.newJsonParser())
                .parseResource(answer.body());
        return FHIR.newJsonParser().encodeResourceToString(bundle.getEntryFirstRep().getResource());
    }

    private static Set<String> servedObservations(Http http, String token, long person) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class,
                http.fhirGet("/fhir/Observation?patient=" + person + "&_count=100", token).body());
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
                .collect(Collectors.toSet());
    }

    private static List<String> provenanceTargets(Http http, String token, long person) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class,
                http.fhirGet("/fhir/Provenance?patient=" + person, token).body());
        assertThat(bundle.getEntry()).hasSize(1);
        return ((Provenance) bundle.getEntryFirstRep().getResource()).getTarget().stream()
                .map(Reference::getReference).toList();
    }

    private static List<String> concat(Set<String> served, String patient) {
        List<String> all = new ArrayList<>(served);
        all.add(patient);
        return all;
    }

    /** A patient, its observations, and a Provenance naming the patient and {@code named} of the observations. */
    private static String bundle(String tag, String patient, List<String> observations, List<String> named) {
        StringBuilder entries = new StringBuilder();
        entries.append(entry(patient, "Patient", """
                {"resourceType":"Patient","id":"p-%s","name":[{"family":"Targets%s","given":["Tess"]}],
                 "gender":"female","birthDate":"1950-02-03"}""".formatted(tag, tag)));
        for (int i = 0; i < observations.size(); i++) {
            entries.append(',').append(entry(observations.get(i), "Observation", """
                    {"resourceType":"Observation","id":"o-%s-%d","status":"final",
                     "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"%s"},
                     "effectiveDateTime":"2024-01-%02dT10:00:00Z","valueQuantity":{"value":%d,"unit":"/min"}}"""
                    .formatted(tag, i, patient, i % 28 + 1, 60 + i)));
        }
        String targets = named.stream().map(url -> "{\"reference\":\"" + url + "\"}").collect(Collectors.joining(","));
        entries.append(',').append(entry("urn:uuid:" + UUID.nameUUIDFromBytes(tag.getBytes()), "Provenance", """
                {"resourceType":"Provenance","id":"prov-%s","target":[{"reference":"%s"},%s],
                 "recorded":"2024-02-01T00:00:00Z","agent":[{"who":{"display":"Synthetic"}}],
                 "entity":[{"role":"source","what":{"reference":"https://elsewhere.example/fhir/Device/d1"}}],
                 "meta":{"versionId":"9","profile":["http://example.org/provenance"]}}"""
                .formatted(tag, patient, targets)));
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
    }

    private static String entry(String fullUrl, String type, String resource) {
        return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource + ",\"request\":{\"method\":\"POST\",\"url\":\""
                + type + "\"}}";
    }
}
