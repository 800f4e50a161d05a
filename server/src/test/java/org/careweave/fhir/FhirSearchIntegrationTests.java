package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.access.AccessContext;
import org.careweave.access.CareRelationships;
import org.careweave.access.DataCategory;
import org.careweave.access.Purpose;
import org.careweave.access.SharingAgreements;
import org.careweave.audit.AuditTrail;
import org.careweave.identity.SystemClients;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordFilter;
import org.careweave.record.RecordItem;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR search, paging, $everything and reference rewriting over real HTTP, through the access policy. */
@CareWeaveTest
class FhirSearchIntegrationTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String SYNTHEA_PATIENT = "https://github.com/synthetichealth/synthea%7C5a1e0000-0000-4000-8000-000000000001";

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

    @Autowired
    PersonRecords records;

    @Autowired
    AuditTrail audit;

    Http http;
    String tag;
    long practice;
    long hospital;
    long person;
    String token;
    String clientId;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = organisation("P" + tag, "GP_PRACTICE");
        hospital = organisation("H" + tag, "ACUTE_TRUST");
        person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex)
                        values ('Ada', 'Search', date '1950-03-02', 'female') returning id""")
                .query(Long.class).single();
        clientId = "gp-" + tag;
        clients.register(clientId, practice, "a-long-enough-secret", null, false);
        token = Tokens.clientCredentials(http, clientId, "a-long-enough-secret");
    }

    @Test
    void aDateWithoutATimeIsADayInEngland() {
        long summerLateEvening = item("Encounter", "gp", "185317003", "2024-07-01", practice, "finished", null);
        long winterLateEvening = item("Encounter", "gp", "185317003", "2024-01-15", practice, "finished", null);
        // 00:30 on 2 July in England (BST), and 23:30 on 15 January (GMT)
        jdbc.sql("update record_item set effective_start = timestamptz '2024-07-01 23:30:00+00' where id = :id")
                .param("id", summerLateEvening).update();
        jdbc.sql("update record_item set effective_start = timestamptz '2024-01-15 23:30:00+00' where id = :id")
                .param("id", winterLateEvening).update();
        String encounters = "/fhir/Encounter?patient=" + person;

        assertThat(ids(encounters + "&date=2024-07-02")).containsExactly(summerLateEvening);
        assertThat(ids(encounters + "&date=2024-07-01")).isEmpty();
        assertThat(ids(encounters + "&date=2024-01-15")).containsExactly(winterLateEvening);
        assertThat(ids(encounters + "&date=2024-01-16")).isEmpty();
        assertThat(ids(encounters + "&date=ge2024-07-02")).containsExactly(summerLateEvening);
        assertThat(ids(encounters + "&date=gt2024-07-01")).containsExactly(summerLateEvening);
        assertThat(ids(encounters + "&date=le2024-07-01")).containsExactly(winterLateEvening);
        assertThat(ids(encounters + "&date=lt2024-01-16")).containsExactly(winterLateEvening);
        assertThat(ids(encounters + "&date=sa2024-01-15")).containsExactly(summerLateEvening);
        assertThat(ids(encounters + "&date=eb2024-01-16")).containsExactly(winterLateEvening);
        assertThat(ids(encounters + "&date=2024-01")).containsExactly(winterLateEvening);
        assertThat(ids(encounters + "&date=2024")).containsExactly(summerLateEvening, winterLateEvening);
        assertThat(ids(encounters + "&date=ge2024-07-01T23:00:00Z&date=lt2024-07-02T00:00:00Z"))
                .containsExactly(summerLateEvening);
    }

    @Test
    void searchesByCodeDateCategoryStatusIdentifierAndLastUpdated() {
        long hypertension = item("Condition", "problem", "38341003", "2019-05-01", practice, "active", null);
        long diabetes = item("Condition", "problem", "44054006", "2021-07-01", practice, "resolved", null);
        jdbc.sql("update record_item set resource = cast(:json as jsonb) where id = :id")
                .param("json", """
                        {"resourceType":"Condition","identifier":[{"system":"https://example.org/problems","value":"P-1"}],
                         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
                         "subject":{"reference":"Patient/elsewhere"}}""")
                .param("id", diabetes).update();

        assertThat(ids("/fhir/Condition?patient=" + person + "&code=http://snomed.info/sct%7C38341003"))
                .containsExactly(hypertension);
        assertThat(ids("/fhir/Condition?subject=Patient/" + person + "&code=44054006,38341003"))
                .containsExactly(diabetes, hypertension);
        assertThat(ids("/fhir/Condition?patient=" + person + "&date=ge2020-01-01")).containsExactly(diabetes);
        assertThat(ids("/fhir/Condition?patient=" + person + "&date=lt2019-05-02&date=gt2019-04-30"))
                .containsExactly(hypertension);
        assertThat(ids("/fhir/Condition?patient=" + person + "&date=2019-05")).containsExactly(hypertension);
        assertThat(ids("/fhir/Condition?patient=" + person + "&status=resolved")).containsExactly(diabetes);
        assertThat(ids("/fhir/Condition?patient=" + person + "&category=encounter-diagnosis")).containsExactly(diabetes);
        assertThat(ids("/fhir/Condition?patient=" + person + "&category=problem")).containsExactly(diabetes, hypertension);
        assertThat(ids("/fhir/Condition?patient=" + person + "&identifier=https://example.org/problems%7CP-1"))
                .containsExactly(diabetes);
        assertThat(ids("/fhir/Condition?patient=" + person + "&_sort=date")).containsExactly(hypertension, diabetes);
        assertThat(ids("/fhir/Condition?patient=" + person + "&_lastUpdated=ge2000-01-01")).hasSize(2);
        assertThat(ids("/fhir/Condition?patient=" + person + "&_lastUpdated=lt2000-01-01")).isEmpty();
        assertThat(fhir("/fhir/Condition?patient=" + person + "&_summary=count").body()).contains("\"total\":2");
    }

    @Test
    void badSearchesAreAnsweredWithAnOperationOutcomeNamingTheProblem() {
        assertRefused("/fhir/Condition?code=38341003", "for one patient");
        assertRefused("/fhir/Condition?patient=" + person + "&colour=blue", "Unknown search parameter 'colour'");
        assertRefused("/fhir/Condition?patient=" + person + "&date=yesterday", "not a FHIR date");
        assertRefused("/fhir/Condition?patient=" + person + "&date=ne2020-01-01", "prefix 'ne'");
        assertRefused("/fhir/Condition?patient=" + person + "&_sort=code", "_sort 'code' is not supported");
        assertRefused("/fhir/Condition?patient=" + person + "&_count=0", "_count must be");
        assertRefused("/fhir/Condition?patient=" + person + "&_cursor=xyz", "not one this server made");
        assertRefused("/fhir/Condition?patient=Practitioner/1", "must refer to a Patient");
        assertRefused("/fhir/AllergyIntolerance?subject=" + person, "no search parameter 'subject'");
        assertRefused("/fhir/Encounter?patient=" + person + "&_include=Encounter:practitioner", "not supported");
    }

    @Test
    void searchesThatCanMatchNothingOrThatTheDatabaseCannotRunAreRefusedNotFailed() {
        String condition = "/fhir/Condition?patient=Patient/" + person;
        assertRefused(condition + "&date=ge2025-01-01&date=lt2024-01-01", "date range is empty");
        assertRefused(condition + "&_lastUpdated=ge2025-01-01&_lastUpdated=lt2024-01-01",
                "_lastUpdated range is empty");
        assertRefused(condition + "&date=2025-01-01&date=2026-01-01", "date takes at most one lower bound");
        assertRefused(condition + "&date=", "date is empty");
        assertRefused(condition + "&date=ge0001-01-01T00:00:00%2B14:00",
                "date 'ge0001-01-01T00:00:00+14:00' is outside the years");
        assertRefused(condition + "&date=le9999-12-31", "date 'le9999-12-31' is outside the years");
        // Parameters HAPI reads before CareWeave's method is called: a 400 saying what it could not read, not a 500.
        assertRefused("/fhir/RiskAssessment?patient=Patient/" + person + "&date=xml",
                "A parameter of the request cannot be read: HAPI-1940: Invalid date/time/quantity format: \\\"xml");
        assertRefused("/fhir/Patient/" + person + "/$everything?_since=yesterday",
                "A parameter of the request cannot be read: Invalid date/time format: \\\"yesterday");
        assertRefused(condition + "&code=,", "code has an empty value");
        assertRefused(condition + "&status=active,", "status has an empty value");
        assertRefused(condition + "&_count=-1", "_count must be a whole number from 1 to 1000; got '-1'");
        assertRefused(condition + "&_count=1001", "_count must be a whole number from 1 to 1000; got '1001'");
        assertRefused(condition + "&_count=99999999999", "got '99999999999'");
        assertRefused(condition + "&_cursor=n-62135596800000001.1", "not one this server made");
        assertRefused("/fhir/Patient/" + person + "/$everything?_count=5000", "_count must be");
    }

    @Test
    void pagesFollowTheirLinksWithoutRepeatsOrGapsWhileItemsArrive() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        List<Long> all = new ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            all.add(0, item("Encounter", "gp-consultation", "185345009", "2024-01-" + String.format("%02d", day),
                    practice, "finished", null));
        }
        Bundle first = bundle("/fhir/Encounter?patient=" + person + "&_sort=-date&_count=10");
        // Arrives between pages and sorts first: an offset-based second page would repeat the 10th item.
        item("Encounter", "gp-consultation", "185345009", "2024-02-01", practice, "finished", null);
        Bundle second = next(first);
        Bundle third = next(second);

        List<Long> seen = new ArrayList<>();
        seen.addAll(ids(first));
        seen.addAll(ids(second));
        seen.addAll(ids(third));
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(third.getLink("next")).isNull();
        assertThat(first.getLink("previous")).isNull();
        assertThat(ids(bundle(second.getLink("previous").getUrl().replace(http.url("/fhir"), "/fhir"))))
                .isEqualTo(ids(first));
    }

    @Test
    void everythingHasTheRecordViewsItemsOnceAcrossPagesWithThePatientFirst() throws IOException {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        agreements.create(hospital, practice, DataCategory.ENCOUNTERS, LocalDate.now().minusDays(1), null, "test");
        for (int n = 0; n < 7; n++) {
            item("Condition", "problem", "3834100" + n, "2020-01-0" + (n + 1), practice, "active", null);
            item("Encounter", "ae-attendance", "4525004", "2022-03-0" + (n + 1), hospital, "finished", null);
            item("Condition", "problem", "4405400" + n, "2021-01-0" + (n + 1), hospital, "active", null);
        }

        Bundle page = bundle("/fhir/Patient/" + person + "/$everything?_count=8");
        assertThat(page.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
        List<Long> everything = new ArrayList<>();
        int withheld = 0;
        while (true) {
            everything.addAll(ids(page));
            withheld += withheldCount(page);
            if (page.getLink("next") == null) {
                break;
            }
            page = next(page);
        }
        AccessContext viewer = AccessContext.systemClient(clientId, practice, Set.of(), Purpose.DIRECT_CARE, "test");
        List<Long> view = records.view(viewer, person, RecordFilter.ALL).items().stream().map(RecordItem::id).toList();
        assertThat(everything).containsExactlyElementsOf(view).hasSize(14).doesNotHaveDuplicates();
        assertThat(withheld).isEqualTo(7);
        assertThat(audited("Patient/$everything")).isEqualTo(2);
    }

    @Test
    void aFilteredSearchAnswersTheSameWhetherOrNotAWithheldItemMatchesIt() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        agreements.create(hospital, practice, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null, "test");
        item("Condition", "problem", "38341003", "2019-05-01", practice, "active", null);
        item("Condition", "problem", "35489007", "2022-02-01", hospital, "active", "MENTAL_HEALTH");
        String condition = "/fhir/Condition?patient=" + person;

        for (String page : List.of("", "&_count=1")) {
            String withheldMatches = withoutIds(fhir(condition + "&code=35489007" + page).body());
            String nothingMatches = withoutIds(fhir(condition + "&code=11111111" + page).body());
            assertThat(withheldMatches).isEqualTo(nothingMatches.replace("11111111", "35489007"));
            assertThat(bundle(condition + "&code=35489007" + page).getLink("next")).isNull();
        }
        for (String filter : List.of("&code=35489007", "&code=11111111", "&date=2022-02", "&status=active", "")) {
            Bundle answer = bundle(condition + filter);
            assertThat(withheldCount(answer)).as(filter).isEqualTo(1);
            assertThat(answer.getTotal()).as(filter).isEqualTo(ids(answer).size());
        }
        assertThat(fhir(condition + "&code=35489007&_summary=count").body()).contains("\"total\":0");
    }

    @Test
    void pagesHoldOnlyVisibleItemsAndTheFirstSaysHowManyOfTheTypeAreWithheld() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        List<Long> visible = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            visible.add(0, item("Condition", "problem", "3834100" + n, "2020-01-0" + n, practice, "active", null));
            item("Condition", "problem", "4405400" + n, "2020-02-0" + n, hospital, "active", null);
        }
        item("Encounter", "ae-attendance", "4525004", "2022-03-01", hospital, "finished", null);

        Bundle page = bundle("/fhir/Condition?patient=" + person + "&_count=2");
        assertThat(withheldCount(page)).isEqualTo(5);
        assertThat(page.getTotal()).isEqualTo(5);
        List<Long> seen = new ArrayList<>();
        while (true) {
            assertThat(ids(page)).hasSizeBetween(1, 2);
            seen.addAll(ids(page));
            if (page.getLink("next") == null) {
                break;
            }
            page = next(page);
            assertThat(withheldCount(page)).isZero();
        }
        assertThat(seen).containsExactlyElementsOf(visible);
        assertThat(withheldCount(bundle("/fhir/Patient/" + person + "/$everything"))).isEqualTo(6);
    }

    @Test
    void everythingForAClientWithoutARelationshipWithholdsThePatientAndOthersItems() {
        item("Condition", "problem", "38341003", "2019-05-01", practice, "active", null);
        item("Condition", "problem", "44054006", "2021-07-01", hospital, "active", null);

        Bundle everything = bundle("/fhir/Patient/" + person + "/$everything");

        assertThat(everything.getEntry()).noneMatch(e -> e.getResource().fhirType().equals("Patient"));
        assertThat(ids(everything)).hasSize(1);
        String outcome = FHIR.newJsonParser().encodeResourceToString(everything.getEntry().stream()
                .filter(e -> e.getResource() instanceof OperationOutcome).findFirst().orElseThrow().getResource());
        assertThat(outcome).contains("The Patient resource is withheld").contains("1 problems item(s)");
        assertThat(fhir("/fhir/Condition/" + ids(everything).get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void readOfAWithheldItemIsRefusedAndVreadKnowsOnlyTheCurrentVersion() {
        long own = item("Condition", "problem", "38341003", "2019-05-01", practice, "active", null);
        long others = item("Condition", "problem", "44054006", "2021-07-01", hospital, "active", null);

        assertThat(fhir("/fhir/Condition/" + others).statusCode()).isEqualTo(403);
        assertThat(fhir("/fhir/Condition/" + own + "/_history/1").statusCode()).isEqualTo(200);
        assertThat(fhir("/fhir/Condition/" + own + "/_history/2").body()).contains("keeps the current version");
    }

    @Test
    void referencesFromABundleAreServedAsCareWeaveIdsWhileTheStoredJsonStaysAsSent() throws IOException {
        assertThat(post(resource("synthea-practitioners.json")).statusCode()).isEqualTo(200);
        assertThat(post(resource("synthea-patient.json")).statusCode()).isEqualTo(200);
        long synthetic = jdbc.sql("select person_id from person_source_patient where source_org_id = :org")
                .param("org", practice).query(Long.class).single();
        relationships.start(synthetic, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));

        Bundle found = bundle("/fhir/Patient?identifier=" + SYNTHEA_PATIENT);
        Bundle encounters = bundle("/fhir/Encounter?patient=" + synthetic + "&_include=Encounter:patient");

        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(Long.toString(synthetic));
        Encounter encounter = (Encounter) encounters.getEntry().stream()
                .filter(e -> e.getResource() instanceof Encounter).findFirst().orElseThrow().getResource();
        assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + synthetic);
        String practitioner = encounter.getParticipantFirstRep().getIndividual().getReference();
        assertThat(practitioner).matches("Practitioner/d\\d+");
        assertThat(encounter.getServiceProvider().getReference()).matches("Organization/d\\d+");
        assertThat(fhir("/fhir/" + practitioner).body()).contains("\"resourceType\":\"Practitioner\"");
        assertThat(fhir("/fhir/" + encounter.getServiceProvider().getReference()).statusCode()).isEqualTo(200);
        assertThat(encounters.getEntry()).anyMatch(e -> e.getResource().fhirType().equals("Patient")
                && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
        String stored = jdbc.sql("select resource::text from record_item where id = :id")
                .param("id", Long.parseLong(encounter.getIdElement().getIdPart())).query(String.class).single();
        assertThat(stored).contains("urn:uuid:").contains("Practitioner?identifier=").doesNotContain("Patient/" + synthetic);
    }

    @Test
    void everythingIncludesAMedicationWithTheItemThatUsesItNotWithAProvenanceThatNamesIt() {
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:p-%1$s","resource":{"resourceType":"Patient","id":"p-%1$s",
                   "identifier":[{"system":"https://example.org/mrn","value":"M%1$s"}],
                   "name":[{"family":"Prov%1$s","given":["Pat"]}],"gender":"female","birthDate":"1950-01-01"},
                  "request":{"method":"POST","url":"Patient"}},
                 {"fullUrl":"urn:uuid:m-%1$s","resource":{"resourceType":"Medication","id":"m-%1$s",
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"322236009","display":"Paracetamol"}]}},
                  "request":{"method":"POST","url":"Medication"}},
                 {"fullUrl":"urn:uuid:r-%1$s","resource":{"resourceType":"MedicationRequest","id":"r-%1$s",
                   "status":"active","intent":"order","subject":{"reference":"urn:uuid:p-%1$s"},
                   "medicationReference":{"reference":"urn:uuid:m-%1$s"},"authoredOn":"2020-01-01T10:00:00Z"},
                  "request":{"method":"POST","url":"MedicationRequest"}},
                 {"fullUrl":"urn:uuid:v-%1$s","resource":{"resourceType":"Provenance","id":"v-%1$s",
                   "target":[{"reference":"urn:uuid:r-%1$s"},{"reference":"urn:uuid:m-%1$s"},
                             {"reference":"urn:uuid:p-%1$s"}],
                   "recorded":"2021-01-01T10:00:00Z","agent":[{"who":{"display":"GP system"}}]},
                  "request":{"method":"POST","url":"Provenance"}}]}""".formatted(tag);
        HttpResponse<String> posted = post(bundle);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        long patient = jdbc.sql("select person_id from person_source_patient where source_org_id = :org")
                .param("org", practice).query(Long.class).single();
        relationships.start(patient, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));

        Bundle first = bundle("/fhir/Patient/" + patient + "/$everything?_count=1");
        Bundle second = next(first);

        assertThat(first.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Patient", "Provenance");
        assertThat(second.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("MedicationRequest", "Medication");
    }

    private Bundle next(Bundle bundle) {
        return bundle(bundle.getLink("next").getUrl().replace(http.url("/fhir"), "/fhir"));
    }

    private List<Long> ids(String path) {
        return ids(bundle(path));
    }

    private static List<Long> ids(Bundle bundle) {
        List<Long> ids = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH && !entry.getResource().fhirType().equals("Patient")) {
                ids.add(Long.parseLong(entry.getResource().getIdElement().getIdPart()));
            }
        }
        return ids;
    }

    /** The answer without what differs between two answers to the same question: ids, times and links' cursors. */
    private static String withoutIds(String body) {
        return body.replaceAll("\"id\":\"[^\"]*\"", "").replaceAll("urn:uuid:[0-9a-f-]+", "")
                .replaceAll("\"lastUpdated\":\"[^\"]*\"", "");
    }

    private static int withheldCount(Bundle bundle) {
        int count = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof OperationOutcome outcome) {
                for (var issue : outcome.getIssue()) {
                    count += Integer.parseInt(issue.getDiagnostics().split(" ")[0]);
                }
            }
        }
        return count;
    }

    private Bundle bundle(String path) {
        HttpResponse<String> response = fhir(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    }

    private void assertRefused(String path, String says) {
        HttpResponse<String> response = fhir(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains("OperationOutcome").contains(says);
    }

    private long audited(String entityType) {
        audit.flush();
        return jdbc.sql("select count(*) from audit_event where entity_type = :type and person_id = :person")
                .param("type", entityType).param("person", person).query(Long.class).single();
    }

    private HttpResponse<String> fhir(String path) {
        return http.fhirGet(path, token);
    }

    private HttpResponse<String> post(String bundle) {
        return http.fhirPost(token, bundle);
    }

    private String resource(String name) throws IOException {
        return SampleBundles.withOwnName(name, tag);
    }

    private long organisation(String code, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, :t) returning id")
                .param("c", code).param("n", type + " " + code).param("t", type).query(Long.class).single();
    }

    private long item(String type, String category, String code, String day, long source, String status,
                      String sensitivity) {
        return jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display, status,
                                                 effective_start, sensitivity, source_org_id, source_id)
                        values (:p, :type, :cat, 'http://snomed.info/sct', :code, 'Item ' || :code, :status,
                                cast(:day as date), :sens, :src, :sid) returning id""")
                .param("p", person).param("type", type).param("cat", category).param("code", code)
                .param("status", status).param("day", day).param("sens", sensitivity).param("src", source)
                .param("sid", UUID.randomUUID().toString()).query(Long.class).single();
    }
}
