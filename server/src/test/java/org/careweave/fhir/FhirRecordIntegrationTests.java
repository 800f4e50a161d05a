package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import org.careweave.access.CareRelationships;
import org.careweave.access.Consents;
import org.careweave.access.DataCategory;
import org.careweave.access.SharingAgreements;
import org.careweave.identity.SystemClients;
import org.careweave.person.NhsNumber;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR reads of the shared record by a system client, through the access policy, over real HTTP. */
@CareWeaveTest
class FhirRecordIntegrationTests {

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
    Consents consents;

    Http http;
    String tag;
    long practice;
    long hospital;
    long person;
    String token;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = organisation("P" + tag, "GP_PRACTICE");
        hospital = organisation("H" + tag, "ACUTE_TRUST");
        person = jdbc.sql("""
                        insert into person (nhs_number, given_name, family_name, birth_date, sex)
                        values (:nhs, 'Ada', 'Test', date '1941-03-02', 'female') returning id""")
                .param("nhs", unusedNhsNumber())
                .query(Long.class).single();
        item("Condition", "problem", "38341003", "Hypertension", practice, null);
        item("Condition", "problem", "44054006", "Type 2 diabetes", hospital, null);
        item("Condition", "problem", "35489007", "Depressive disorder", hospital, "MENTAL_HEALTH");
        clients.register("gp-" + tag, practice, "a-long-enough-secret", null, false);
        token = Tokens.clientCredentials(http, "gp-" + tag, "a-long-enough-secret");
    }

    @Test
    void withoutARelationshipAClientSeesOnlyWhatItsOrganisationRecorded() {
        HttpResponse<String> conditions = fhir("/fhir/Condition?patient=" + person);

        assertThat(conditions.statusCode()).isEqualTo(200);
        assertThat(conditions.body()).contains("Hypertension").doesNotContain("Type 2 diabetes")
                .contains("\"mode\":\"outcome\"").contains("1 problems item(s)").contains("1 sensitive item(s)")
                .doesNotContain("Depressive").doesNotContainIgnoringCase("mental health");
    }

    @Test
    void withAReferralAndAnAgreementPartnersItemsAppearButSensitiveOnesStayWithheld() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        agreements.create(hospital, practice, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null, "test");

        HttpResponse<String> conditions = fhir("/fhir/Condition?patient=" + person);

        assertThat(conditions.body()).contains("Hypertension").contains("Type 2 diabetes")
                .doesNotContain("Depressive").contains("sensitive information the person has not agreed to share");
        assertThat(conditions.body()).contains("\"source\":\"Organization/" + hospital + "\"");
    }

    @Test
    void patientReadNeedsARelationshipAndIsUkCoreShaped() {
        assertThat(fhir("/fhir/Patient/" + person).statusCode()).isEqualTo(403);
        assertThat(fhir("/fhir/Patient/" + person).body()).contains("OperationOutcome").contains("no care relationship");

        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        HttpResponse<String> patient = fhir("/fhir/Patient/" + person);

        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(patient.body()).contains("https://fhir.nhs.uk/Id/nhs-number").contains("UKCore-Patient")
                .contains("\"family\":\"Test\"");
    }

    @Test
    void searchByNhsNumberDoesNotRevealPeopleTheCallerMayNotSee() {
        String nhs = jdbc.sql("select nhs_number from person where id = :id").param("id", person)
                .query(String.class).single();

        assertThat(fhir("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhs).body())
                .contains("\"total\":0");
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        assertThat(fhir("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhs).body())
                .contains("\"total\":1");
    }

    @Test
    void sharingChoicesReadAsFhirConsent() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        long objection = consents.objectToOrganisation(person, hospital, null, "gp");
        consents.permitSensitive(person, DataCategory.MENTAL_HEALTH, null, "gp");
        consents.withdraw(objection, "gp");

        HttpResponse<String> bundle = fhir("/fhir/Consent?patient=" + person);
        HttpResponse<String> one = fhir("/fhir/Consent/" + objection);

        assertThat(bundle.body()).contains("\"total\":2").contains("\"code\":\"PSY\"").contains("\"type\":\"permit\"");
        assertThat(one.body()).contains("\"status\":\"inactive\"").contains("\"type\":\"deny\"")
                .contains("Organization/" + hospital).contains("\"code\":\"IRCP\"");
    }

    @Test
    void consentNeedsARelationshipToo() {
        long objection = consents.objectToOrganisation(person, hospital, null, "gp");

        assertThat(fhir("/fhir/Consent/" + objection).statusCode()).isEqualTo(403);
        assertThat(fhir("/fhir/Consent?patient=" + person).statusCode()).isEqualTo(403);
    }

    @Test
    void badInputGetsAnOperationOutcome() {
        HttpResponse<String> badNhs = fhir("/fhir/Patient?identifier=12345");
        HttpResponse<String> unknown = fhir("/fhir/Patient/999999999");
        HttpResponse<String> notANumber = fhir("/fhir/Condition/abc");

        assertThat(badNhs.statusCode()).isEqualTo(400);
        assertThat(badNhs.body()).contains("OperationOutcome").contains("10 digits");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(notANumber.statusCode()).isEqualTo(404);
    }

    /** A valid NHS number from the test range that nobody in the database has yet. */
    private String unusedNhsNumber() {
        java.util.Random random = new java.util.Random();
        while (true) {
            String nine = "999" + String.format("%06d", random.nextInt(1_000_000));
            int check = NhsNumber.checkDigitOf(nine);
            String candidate = nine + check;
            if (check != NhsNumber.NO_CHECK_DIGIT && jdbc.sql("select count(*) from person where nhs_number = :n")
                    .param("n", candidate).query(Long.class).single() == 0) {
                return candidate;
            }
        }
    }

    private HttpResponse<String> fhir(String path) {
        return http.fhirGet(path, token);
    }

    private long organisation(String code, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, :t) returning id")
                .param("c", code).param("n", type + " " + code).param("t", type).query(Long.class).single();
    }

    private void item(String type, String category, String code, String display, long source, String sensitivity) {
        jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                 effective_start, sensitivity, source_org_id, source_id)
                        values (:p, :type, :cat, 'http://snomed.info/sct', :code, :display, now() - interval '1 year',
                                :sens, :src, :sid)""")
                .param("p", person).param("type", type).param("cat", category).param("code", code)
                .param("display", display).param("sens", sensitivity).param("src", source)
                .param("sid", UUID.randomUUID().toString()).update();
    }
}
