package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.access.CareRelationships;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain JSON answers copy stored resources token by token instead of going through HAPI's model. Each is checked
 * against HAPI's own answer to the same request asked for as XML (which HAPI renders as before): once both are parsed
 * by HAPI they must be the same, but for the Bundle's own id and lastUpdated and the ids of outcome entries, which are
 * made afresh for every answer.
 */
@CareWeaveTest
class FhirFastReadIntegrationTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /**
     * A stored resource's copy keeps its sender's order, which here names the patient straight after the id (after
     * CareWeave's meta, in a served copy), where HAPI would write other elements first (but for a Provenance's target).
     */
    private static final Pattern COPIED = Pattern.compile("\"resourceType\":\"[A-Za-z]+\",\"id\":\"\\d+\","
            + "(\"meta\":\\{\"versionId\":\"\\d+\",\"lastUpdated\":\"[^\"]+\",\"source\":\"Organization/\\d+\"},)?"
            + "\"(subject|patient|target)\"");

    private static final List<String> TYPES = List.of("Encounter", "Condition", "Observation", "MedicationRequest",
            "Claim", "ExplanationOfBenefit", "Immunization", "Procedure", "DiagnosticReport", "DocumentReference",
            "Provenance");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    Http http;
    String tag;
    long practice;
    long hospital;
    long person;
    String gp;
    String hospitalClient;

    @BeforeEach
    void arrange() throws IOException {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = organisation("FP" + tag, "GP_PRACTICE");
        hospital = organisation("FH" + tag, "ACUTE_TRUST");
        gp = client("fast-gp-" + tag, practice);
        hospitalClient = client("fast-h-" + tag, hospital);
        assertThat(http.fhirPost(gp, SampleBundles.withOwnName("synthea-practitioners.json", tag)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> ingested = http.fhirPost(gp, SyntheaRecords.record("Fast" + tag, 24, http.url("/fhir")));
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        person = jdbc.sql("select person_id from person_source_patient where source_org_id = :org")
                .param("org", practice).query(Long.class).single();
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        item("Condition", "problem", "38341003", practice, null, null);
        item("Observation", "observation", "271649006", practice, null, new java.math.BigDecimal("7.10"));
        item("Condition", "problem", "44054006", hospital, null, null);
        item("Condition", "problem", "35489007", hospital, "MENTAL_HEALTH", null);
        item("Encounter", "ae-attendance", "4525004", hospital, null, null);
    }

    @Test
    void searchesOfEveryTypeAndFilterAnswerAsHapiDoes() {
        for (String type : TYPES) {
            assertThat(same("/fhir/" + type + "?patient=" + person, gp)).containsPattern(COPIED);
        }
        same("/fhir/Condition?patient=" + person + "&code=http://snomed.info/sct%7C59621000", gp);
        same("/fhir/Condition?subject=Patient/" + person + "&code=44054006,38341003&status=active", gp);
        same("/fhir/Encounter?patient=" + person + "&date=ge2013-01-01&date=lt2015-06-01", gp);
        same("/fhir/Observation?patient=" + person + "&category=vital-signs", gp);
        same("/fhir/Observation?patient=" + person + "&category=observation&_sort=date", gp);
        same("/fhir/MedicationRequest?patient=" + person + "&status=active&_sort=-_lastUpdated", gp);
        same("/fhir/Claim?patient=" + person + "&_sort=_lastUpdated&_count=3", gp);
        same("/fhir/Observation?patient=" + person + "&_lastUpdated=ge2000-01-01&_count=50", gp);
        for (int count : new int[] {1, 2, 7, 20, 50}) {
            same("/fhir/Encounter?patient=" + person + "&_count=" + count, gp);
        }
    }

    @Test
    void pagingThroughAWholeRecordBothWaysAnswersAsHapiDoes() {
        List<String> forward = pages("/fhir/Observation?patient=" + person + "&_sort=date&_count=7", "next");
        List<String> back = pages(link(forward.get(forward.size() - 1), "self"), "previous");

        assertThat(forward).hasSizeGreaterThan(5);
        assertThat(back).hasSameSizeAs(forward);
        List<String> everything = pages("/fhir/Patient/" + person + "/$everything", "next");
        assertThat(everything).hasSizeGreaterThan(8);
    }

    @Test
    void includedPatientsAndMedicationsAnswerAsHapiDoes() {
        String medications = same("/fhir/MedicationRequest?patient=" + person
                + "&_include=MedicationRequest:medication&_include=MedicationRequest:patient&_count=50", gp);
        assertThat(medications).contains("\"resourceType\":\"Medication\",\"id\":\"d").contains("\"mode\":\"include\"")
                .containsPattern(COPIED);
        same("/fhir/Encounter?patient=" + person + "&_include=Encounter:patient&_count=5", gp);
        same("/fhir/Encounter?patient=" + person + "&_include=*:subject&_count=5", gp);
    }

    @Test
    void aCallerWhoIsWithheldItemsAndThePatientGetsTheSameOutcomes() {
        same("/fhir/Condition?patient=" + person, hospitalClient);
        same("/fhir/Encounter?patient=" + person + "&_include=Encounter:patient", hospitalClient);
        for (String page : pages("/fhir/Patient/" + person + "/$everything?_count=30", "next", hospitalClient)) {
            assertThat(page).doesNotContain("\"resourceType\":\"Patient\"");
        }
        String withheld = same("/fhir/Condition?patient=" + person + "&_count=50", gp);
        assertThat(withheld).contains("\"mode\":\"outcome\"").contains("1 sensitive item(s)").containsPattern(COPIED);
    }

    @Test
    void readsAndVreadsOfStoredItemsAnswerAsHapiDoes() {
        Bundle everything = FHIR.newJsonParser().parseResource(Bundle.class,
                http.fhirGet("/fhir/Patient/" + person + "/$everything?_count=1000", gp).body());
        Set<String> types = new LinkedHashSet<>();
        for (Bundle.BundleEntryComponent entry : everything.getEntry()) {
            Resource resource = entry.getResource();
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH && types.add(resource.fhirType())) {
                String id = resource.getIdElement().toUnqualifiedVersionless().getValue();
                same("/fhir/" + id, gp);
                if (!(resource instanceof org.hl7.fhir.r4.model.Patient)) {
                    same("/fhir/" + id + "/_history/1", gp);
                }
            }
        }
        assertThat(types).containsAll(TYPES).contains("Patient");
        assertThat(same("/fhir/Claim/" + firstId(everything, "Claim"), gp)).containsPattern(COPIED);
    }

    @Test
    void everythingIncludesEverySharedResourceItsItemsReferTo() {
        String page = same("/fhir/Patient/" + person + "/$everything?_count=1000", gp);
        Bundle everything = FHIR.newJsonParser().parseResource(Bundle.class, page);
        Set<String> referred = new java.util.TreeSet<>();
        Set<String> included = new java.util.TreeSet<>();
        for (Bundle.BundleEntryComponent entry : everything.getEntry()) {
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                included.add(entry.getResource().getIdElement().toUnqualifiedVersionless().getValue());
                // A shared resource's own references (a location's managing organisation) are served ones too.
                FHIR.newTerser().getAllResourceReferences(entry.getResource()).forEach(reference ->
                        assertThat(reference.getResourceReference().getReferenceElement().getValue())
                                .doesNotContain("?identifier="));
            } else if (entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH) {
                FHIR.newTerser().getAllResourceReferences(entry.getResource()).forEach(reference -> {
                    String target = reference.getResourceReference().getReferenceElement().getValue();
                    if (target != null && target.matches("[A-Za-z]+/d\\d+")) {
                        referred.add(target);
                    }
                });
            }
        }

        assertThat(referred).anyMatch(r -> r.startsWith("Practitioner/")).anyMatch(r -> r.startsWith("Organization/"));
        assertThat(included).isEqualTo(referred);
    }

    @Test
    void plainJsonAnswersCarryHapisHeaders() throws IOException {
        Bundle claims = FHIR.newJsonParser().parseResource(Bundle.class,
                http.fhirGet("/fhir/Claim?patient=" + person, gp).body());
        for (String path : List.of("/fhir/Claim?patient=" + person, "/fhir/Patient/" + person + "/$everything",
                "/fhir/Claim/" + claims.getEntryFirstRep().getResource().getIdElement().getIdPart())) {
            HttpResponse<String> fast = http.fhirGet(path, gp);
            HttpResponse<String> hapi = http.fhirGet(path + (path.contains("?") ? "&" : "?") + "_pretty=true", gp);

            assertThat(fast.body()).as(path).containsPattern(COPIED);
            assertThat(headers(fast)).as(path).isEqualTo(headers(hapi));
            assertThat(fast.headers().firstValue("Content-Type")).hasValue("application/fhir+json;charset=UTF-8");
            assertThat(fast.headers().firstValue("Last-Modified")).isPresent();
        }
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(http.url("/fhir/Claim?patient="
                        + person))).header("Authorization", "Bearer " + gp).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                StandardCharsets.UTF_8)).containsPattern(COPIED);
    }

    @Test
    void answersHapiRendersItselfStillHoldTheStoredResources() {
        for (String options : List.of("&_pretty=true", "&_summary=true", "&_elements=participant", "&_format=xml")) {
            HttpResponse<String> response = http.fhirGet("/fhir/Encounter?patient=" + person + options, gp);
            assertThat(response.statusCode()).as(options).isEqualTo(200);
            assertThat(response.body()).as(options).contains("Practitioner/d").doesNotContainPattern(COPIED);
        }
    }

    /** Follows the links from a page, checking each page; the JSON answers, in order. */
    private List<String> pages(String path, String relation) {
        return pages(path, relation, gp);
    }

    private List<String> pages(String path, String relation, String token) {
        List<String> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            String page = same(next, token);
            pages.add(page);
            next = link(page, relation);
        }
        return pages;
    }

    /** The path of a link of the Bundle, or null. */
    private String link(String bundle, String relation) {
        Bundle.BundleLinkComponent link = FHIR.newJsonParser().parseResource(Bundle.class, bundle).getLink(relation);
        return link == null ? null : link.getUrl().replace(http.url(""), "");
    }

    /**
     * Asks for the answer as JSON and as XML and checks they are the same once parsed.
     *
     * @return the JSON answer
     */
    private String same(String path, String token) {
        HttpResponse<String> json = http.fhirGet(path, token);
        HttpResponse<String> xml = http.get(path, "Authorization", "Bearer " + token, "Accept", "application/fhir+xml");

        assertThat(json.statusCode()).as(path + ": " + json.body()).isEqualTo(200);
        assertThat(xml.statusCode()).as(path + ": " + xml.body()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/fhir+xml");
        String fast = canonical(FHIR.newJsonParser().parseResource(json.body()));
        String hapi = canonical(FHIR.newXmlParser().parseResource(xml.body()));
        assertThat(fast).as(path).isEqualTo(hapi);
        return json.body();
    }

    /** HAPI's encoding, without what differs between two answers to the same request. */
    private static String canonical(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            bundle.setIdElement(null);
            bundle.getMeta().setLastUpdatedElement(null);
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof OperationOutcome outcome) {
                    entry.setFullUrl(null);
                    outcome.setIdElement(null);
                }
            }
        }
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    /**
     * The headers a client acts on: all but the date, the request id, the time the Bundle was made, and the body's
     * framing (a length, or chunks when it is larger than the buffer), which differs between compact and pretty JSON.
     */
    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("date");
        headers.remove("x-request-id");
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        if (!headers.containsKey("etag")) {
            headers.remove("last-modified");
        }
        return headers;
    }

    private static String firstId(Bundle bundle, String type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals(type)).findFirst().orElseThrow().getIdElement().getIdPart();
    }

    private String client(String id, long organisation) {
        clients.register(id, organisation, "a-long-enough-secret", null, false);
        return Tokens.clientCredentials(http, id, "a-long-enough-secret");
    }

    private long organisation(String code, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, :t) returning id")
                .param("c", code).param("n", type + " " + code).param("t", type).query(Long.class).single();
    }

    /** An item the platform made (no stored resource), rendered by HAPI in either answer. */
    private void item(String type, String category, String code, long source, String sensitivity,
                      java.math.BigDecimal value) {
        jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                 effective_start, sensitivity, source_org_id, source_id, value_numeric, value_unit)
                        values (:p, :type, :cat, 'http://snomed.info/sct', :code, 'Item ' || :code,
                                timestamp '2016-03-01 10:00', :sens, :src, :sid, :value, :unit)""")
                .param("p", person).param("type", type).param("cat", category).param("code", code)
                .param("sens", sensitivity).param("src", source).param("sid", UUID.randomUUID().toString())
                .param("value", value).param("unit", value == null ? null : "mmol/L").update();
    }
}
