package org.careweave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.careweave.access.CareRelationships;
import org.careweave.access.DataCategory;
import org.careweave.access.SharingAgreements;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Partners' bundles over real HTTP with bearer tokens, read back through the FHIR API. */
@CareWeaveTest
class BundleIngestIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    @Autowired
    SharingAgreements agreements;

    Http http;
    Random random = new Random();
    long gp;
    long hospital;
    String gpToken;
    String hospitalToken;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        gp = organisation("G" + tag, "GP_PRACTICE");
        hospital = organisation("H" + tag, "ACUTE_TRUST");
        clients.register("gp-" + tag, gp, "a-long-enough-secret", null, false);
        clients.register("hosp-" + tag, hospital, "a-long-enough-secret", null, false);
        gpToken = Tokens.clientCredentials(http, "gp-" + tag, "a-long-enough-secret");
        hospitalToken = Tokens.clientCredentials(http, "hosp-" + tag, "a-long-enough-secret");
    }

    @Test
    void twoPartnersAboutTheSamePeopleGiveOnePersonWithEveryItemOnceFromItsSource() {
        String nhs = TestBundles.nhsNumber(random);
        String gpPatient = TestBundles.uuid();
        String hospitalPatient = TestBundles.uuid();
        HttpResponse<String> fromGp = post(gpToken, TestBundles.create()
                .patient(gpPatient, nhs, "Testwoman", "Ada", "1950-02-03")
                .condition(TestBundles.uuid(), "urn:uuid:" + gpPatient, "38341003", "Hypertension")
                .condition(TestBundles.uuid(), "urn:uuid:" + gpPatient, "44054006", "Diabetes").transaction());
        HttpResponse<String> fromHospital = post(hospitalToken, TestBundles.create()
                .patient(hospitalPatient, nhs, "Testwoman", "Ada", "1950-02-03")
                .condition(TestBundles.uuid(), "urn:uuid:" + hospitalPatient, "22298006", "Myocardial infarction")
                .transaction());

        assertThat(fromGp.statusCode()).isEqualTo(200);
        assertThat(fromHospital.statusCode()).isEqualTo(200);
        assertThat(tree(fromGp).at("/type").stringValue()).isEqualTo("transaction-response");
        assertThat(statuses(fromGp)).containsExactly("201 Created", "201 Created", "201 Created");
        long person = jdbc.sql("select id from person where nhs_number = :nhs").param("nhs", nhs)
                .query(Long.class).single();
        assertThat(tree(fromHospital).at("/entry/0/response/location").stringValue())
                .startsWith("Patient/" + person + "/_history/");

        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(gp));
        agreements.create(hospital, gp, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null, "test");
        JsonNode conditions = tree(http.get("/fhir/Condition?patient=" + person, "Authorization", "Bearer " + gpToken));

        List<String> seen = new ArrayList<>();
        conditions.get("entry").values().forEach(e -> seen.add(e.at("/resource/code/coding/0/display").stringValue()
                + "@" + e.at("/resource/meta/source").stringValue()));
        assertThat(seen).containsExactlyInAnyOrder("Hypertension@Organization/" + gp,
                "Diabetes@Organization/" + gp, "Myocardial infarction@Organization/" + hospital);
    }

    @Test
    void aTransactionWithABrokenReferenceKeepsNothingAndNamesTheEntry() {
        long before = rows();
        String patient = TestBundles.uuid();
        String broken = TestBundles.uuid();
        HttpResponse<String> response = post(gpToken, TestBundles.create()
                .patient(patient, TestBundles.nhsNumber(random), "Broken", "Bea", "1960-01-01")
                .condition(TestBundles.uuid(), "urn:uuid:" + patient, "38341003", "Hypertension")
                .condition(broken, "urn:uuid:" + TestBundles.uuid(), "44054006", "Diabetes").transaction());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("OperationOutcome").contains("entry 2 (urn:uuid:" + broken + ")")
                .contains("not the fullUrl of any entry");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aBatchKeepsTheGoodEntriesAndAnswersTheBadOneWithAnOutcome() {
        String patient = TestBundles.uuid();
        HttpResponse<String> response = post(gpToken, TestBundles.create()
                .patient(patient, TestBundles.nhsNumber(random), "Batcher", "Bo", "1970-07-07")
                .condition(TestBundles.uuid(), "urn:uuid:" + patient, "38341003", "Hypertension")
                .entry(TestBundles.uuid(), """
                        {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"urn:uuid:%s"},
                         "code":{"coding":[{"code":"8867-4"}]}}""".formatted(TestBundles.uuid(), patient))
                .batch());

        JsonNode answer = tree(response);
        assertThat(answer.at("/type").stringValue()).isEqualTo("batch-response");
        assertThat(statuses(response)).containsExactly("201 Created", "201 Created", "400 Bad Request");
        assertThat(answer.at("/entry/2/response/outcome/issue/0/diagnostics").stringValue())
                .contains("entry 2").contains("code '8867-4' but no system");
        assertThat(jdbc.sql("select count(*) from record_item where source_org_id = :gp").param("gp", gp)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void resendingChangesNothingAndAChangedResourceBecomesVersionTwo() {
        String patient = TestBundles.uuid();
        String condition = TestBundles.uuid();
        String nhs = TestBundles.nhsNumber(random);
        String bundle = TestBundles.create().patient(patient, nhs, "Resend", "Rae", "1980-08-08")
                .condition(condition, "urn:uuid:" + patient, "38341003", "Hypertension").transaction();
        post(gpToken, bundle);
        long before = rows();

        HttpResponse<String> again = post(gpToken, bundle);

        assertThat(statuses(again)).containsExactly("200 OK", "200 OK");
        assertThat(tree(again).at("/entry/1/response/location").stringValue()).endsWith("/_history/1");
        assertThat(rows()).isEqualTo(before);
        long person = jdbc.sql("select person_id from person_source_patient where source_org_id = :gp")
                .param("gp", gp).query(Long.class).single();
        assertThat(writesAudited(person)).isEqualTo(1);

        HttpResponse<String> changed = post(gpToken, TestBundles.create().patient(patient, nhs, "Resend", "Rae", "1980-08-08")
                .condition(condition, "urn:uuid:" + patient, "38341003", "Essential hypertension").transaction());

        assertThat(tree(changed).at("/entry/1/response/location").stringValue()).endsWith("/_history/2");
        assertThat(jdbc.sql("select version from record_item where source_org_id = :gp and source_id = :id")
                .param("gp", gp).param("id", condition).query(Integer.class).single()).isEqualTo(2);
        assertThat(rows()).isEqualTo(before);
        assertThat(writesAudited(person)).isEqualTo(2);
    }

    /** The audit trail's record of the GP system's bundles changing this person's data. */
    private long writesAudited(long person) {
        return jdbc.sql("""
                        select count(*) from audit_event where person_id = :person and entity_type = 'Bundle'
                           and action = 'UPDATE' and actor_type = 'SYSTEM' and actor like 'gp-%'""")
                .param("person", person).query(Long.class).single();
    }

    @Test
    void aSecurityLabelMakesAnItemSensitiveUntilAResendTakesItAway() {
        String nhs = TestBundles.nhsNumber(random);
        String patient = TestBundles.uuid();
        String condition = TestBundles.uuid();
        String labelled = """
                {"resourceType":"Condition","id":"%s","meta":{"security":[
                  {"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"},
                  {"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"PSY"}]},
                 "subject":{"reference":"urn:uuid:%s"},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"35489007","display":"Depressive disorder"}]}}"""
                .formatted(condition, patient);
        assertThat(post(hospitalToken, TestBundles.create().patient(patient, nhs, "Labelled", "Lu", "1961-06-01")
                .entry(condition, labelled).transaction()).statusCode()).isEqualTo(200);
        long person = jdbc.sql("select id from person where nhs_number = :nhs").param("nhs", nhs)
                .query(Long.class).single();
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(gp));
        agreements.create(hospital, gp, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null, "test");
        String search = "/fhir/Condition?patient=" + person;

        assertThat(sensitivity(condition)).isEqualTo("MENTAL_HEALTH");
        assertThat(http.get(search, "Authorization", "Bearer " + gpToken).body()).doesNotContain("Depressive")
                .contains("1 sensitive item(s)");

        post(hospitalToken, TestBundles.create().patient(patient, nhs, "Labelled", "Lu", "1961-06-01")
                .condition(condition, "urn:uuid:" + patient, "35489007", "Depressive disorder").transaction());

        assertThat(sensitivity(condition)).isNull();
        assertThat(http.get(search, "Authorization", "Bearer " + gpToken).body()).contains("Depressive")
                .doesNotContain("withheld");
    }

    @Test
    void labelsOfItemsReceivedBeforeTheIngestReadThemAreReadByTheMigration() throws IOException {
        String nhs = TestBundles.nhsNumber(random);
        String patient = TestBundles.uuid();
        String labelled = TestBundles.uuid();
        String plain = TestBundles.uuid();
        post(hospitalToken, TestBundles.create().patient(patient, nhs, "Earlier", "Em", "1962-06-01")
                .condition(labelled, "urn:uuid:" + patient, "35489007", "Depressive disorder")
                .condition(plain, "urn:uuid:" + patient, "38341003", "Hypertension").transaction());
        // As an earlier version stored it: the label in the resource, no category in the column.
        jdbc.sql("""
                        update record_item set resource = replace(resource, '"resourceType":"Condition"',
                               '"resourceType":"Condition","meta":{"security":[{"system":'
                               || '"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"SDV"}]}')
                         where source_org_id = :org and source_id = :id""")
                .param("org", hospital).param("id", labelled).update();
        assertThat(sensitivity(labelled)).isNull();

        try (var script = getClass().getResourceAsStream("/db/migration/V81__sensitivity_from_security_labels.sql")) {
            jdbc.sql(new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).update();
        }

        assertThat(sensitivity(labelled)).isEqualTo("SAFEGUARDING");
        assertThat(sensitivity(plain)).isNull();
    }

    private String sensitivity(String sourceId) {
        return jdbc.sql("select sensitivity from record_item where source_org_id = :org and source_id = :id")
                .param("org", hospital).param("id", sourceId).query(String.class).list().get(0);
    }

    @Test
    void anItemIsKeptByteForByteAsSent() {
        String patient = TestBundles.uuid();
        String observation = TestBundles.uuid();
        String asSent = """
                {
                  "status" : "final",  "resourceType":"Observation", "id":"%s",
                  "subject":{"reference":"urn:uuid:%s"},
                  "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate \\\\ \\u00e9"}]},
                  "valueQuantity":{"value":72.50,"unit":"/min"}, "note":[{"text":"tab\\there"}]
                }""".formatted(observation, patient);
        HttpResponse<String> response = post(gpToken, TestBundles.create()
                .patient(patient, TestBundles.nhsNumber(random), "Exact", "Eve", "1966-06-06")
                .entry(TestBundles.uuid(), asSent).transaction());

        assertThat(statuses(response)).containsExactly("201 Created", "201 Created");
        assertThat(jdbc.sql("select resource from record_item where source_org_id = :gp and source_id = :id")
                .param("gp", gp).param("id", observation).query(String.class).single()).isEqualTo(asSent);
    }

    @Test
    void aSyntheaShapedRecordWithoutNhsNumberLandsWithItsConditionalReferences() throws IOException {
        HttpResponse<String> shared = post(gpToken, resource("synthea-practitioners.json"));
        assertThat(statuses(shared)).containsOnly("201 Created");

        HttpResponse<String> record = post(gpToken, resource("synthea-patient.json"));

        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(statuses(record)).hasSize(6).containsOnly("201 Created");
        long person = Long.parseLong(tree(record).at("/entry/0/response/location").stringValue().split("/")[1]);
        assertThat(jdbc.sql("select nhs_number is null and not nhs_number_verified from person where id = :id")
                .param("id", person).query(Boolean.class).single()).isTrue();
        // Other tests may have sent the same Synthea patient from their own organisations (an exact demographic
        // match links them to one person), so count what this sender stored.
        assertThat(jdbc.sql("""
                        select category from record_item where person_id = :id and resource_type = 'Encounter'
                           and source_org_id = :gp""")
                .param("id", person).param("gp", gp).query(String.class).single()).isEqualTo("gp-consultation");
        assertThat(jdbc.sql("select count(*) from record_item where person_id = :id and source_org_id = :gp")
                .param("id", person).param("gp", gp).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aConditionalReferenceThatMatchesNothingIsRefused() throws IOException {
        HttpResponse<String> response = post(gpToken, resource("synthea-patient.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345")
                .contains("matches no entry of this bundle");
    }

    @Test
    void wrongInputIsAnsweredWithAnOperationOutcomeAndChangesNothing() throws IOException {
        long before = rows();
        String patient = TestBundles.uuid();

        assertRefused(post(gpToken, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"),
                400, "not valid JSON");
        assertRefused(post(gpToken, "{\"resourceType\":\"Patient\",\"id\":\"x\"}"), 400, "not a Bundle");
        assertRefused(post(gpToken, "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"), 400, "'collection'");
        assertRefused(post(gpToken, TestBundles.create().patient(patient, null, "Unknown", "Uma", "1990-01-01")
                .entry(TestBundles.uuid(), "{\"resourceType\":\"Spaceship\",\"id\":\"s1\"}").transaction()),
                400, "entry 1 (urn:uuid:");
        assertRefused(post(gpToken, TestBundles.create()
                .entry(TestBundles.uuid(), "{\"id\":\"no-type\"}").transaction()), 400, "without resourceType");
        assertRefused(oversize(), 413, "careweave.ingest.max-bundle-bytes");
        String observation = TestBundles.uuid();
        assertRefused(post(gpToken, TestBundles.create().patient(patient, null, "Unknown", "Uma", "1990-01-01")
                .entry(observation, """
                        {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"urn:uuid:%s"},
                         "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                         "valueQuantity":{"value":{},"unit":"/min"}}""".formatted(observation, patient)).transaction()),
                400, "entry 1 (urn:uuid:" + observation + ") has a valueQuantity.value that is not a JSON number");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsRefusedNamingTheEntryAndAnEscapedBackslashIsNot() {
        long before = rows();
        String patient = TestBundles.uuid();
        String nul = TestBundles.uuid();
        String withNul = TestBundles.create()
                .patient(patient, TestBundles.nhsNumber(random), "Nul", "Nora", "1960-01-01")
                .entry(nul, """
                        {"resourceType":"Condition","id":"%s","subject":{"reference":"urn:uuid:%s"},
                         "code":{"coding":[{"system":"http://snomed.info/sct","code":"38341003",
                                            "display":"Hyper\\u0000tension"}]}}""".formatted(nul, patient))
                .transaction();

        assertRefused(post(gpToken, withNul), 400, "entry 1 (urn:uuid:" + nul + ") holds a NUL character");
        assertThat(rows()).isEqualTo(before);

        String backslash = withNul.replace("Hyper\\u0000tension", "Hyper\\\\u0000tension");
        assertThat(post(gpToken, backslash).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select display from record_item where source_id = :id").param("id", nul)
                .query(String.class).single()).isEqualTo("Hyper\\u0000tension");
    }

    @Test
    void valuesTooLongToIndexAreRefusedNamingTheEntry() {
        long before = rows();
        String patient = TestBundles.uuid();
        String longIdentifier = TestBundles.create().entry(patient, """
                {"resourceType":"Patient","id":"%s","identifier":[{"system":"urn:test:mrn","value":"%s"}],
                 "name":[{"family":"Long","given":["Lee"]}],"birthDate":"1950-01-01","gender":"male"}"""
                .formatted(patient, "7".repeat(3000))).transaction();
        String longName = TestBundles.create().patient(patient, TestBundles.nhsNumber(random), "L".repeat(3000),
                "Lee", "1950-01-01").transaction();

        assertRefused(post(gpToken, longIdentifier), 400,
                "entry 0 (urn:uuid:" + patient + ") has an identifier longer than 512 characters");
        assertRefused(post(gpToken, longName), 400, "has a family name longer than 512 characters");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aCallerWithoutAValidTokenIsRefusedWithAnOperationOutcome() {
        HttpResponse<String> forged = post("not-a-token", TestBundles.create().transaction());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("OperationOutcome");
    }

    private void assertRefused(HttpResponse<String> response, int status, String says) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains(says);
    }

    /** Declares a body larger than the limit; the server answers before reading it. */
    private HttpResponse<String> oversize() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /fhir HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + gpToken
                    + "\r\nContent-Type: application/fhir+json\r\nContent-Length: 300000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String body = answer.substring(answer.indexOf('{'));
            return new FakeResponse(status, body);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from record_item) + (select count(*) from person)
                     + (select count(*) from directory_resource) + (select count(*) from person_source_patient)
                     + (select count(*) from person_match_review)""").query(Long.class).single();
    }

    private HttpResponse<String> post(String token, String bundle) {
        return http.fhirPost(token, bundle);
    }

    private static JsonNode tree(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> statuses(HttpResponse<String> response) {
        List<String> statuses = new ArrayList<>();
        tree(response).get("entry").values().forEach(e -> statuses.add(e.at("/response/status").stringValue()));
        return statuses;
    }

    private long organisation(String code, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:code, :name, :type) returning id")
                .param("code", code).param("name", "Org " + code).param("type", type).query(Long.class).single();
    }
}
