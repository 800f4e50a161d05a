package org.careweave.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.careweave.access.CareRelationships;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.WebSession;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accesses through the APIs land in the audit trail, which privacy officers can search over REST and FHIR. */
@CareWeaveTest
class AuditApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditTrail trail;

    Http http;
    String tag;
    long practice;
    long person;
    String gpToken;
    String adminToken;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, 'Audit Surgery', 'GP_PRACTICE') returning id")
                .param("c", "AU" + tag).query(Long.class).single();
        person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex)
                        values ('Bea', 'Audit', date '1950-05-05', 'female') returning id""").query(Long.class).single();
        clients.register("gp-" + tag, practice, "gp-secret-0123456789", null, false);
        clients.register("admin-" + tag, practice, "admin-secret-01234567", null, true);
        gpToken = Tokens.clientCredentials(http, "gp-" + tag, "gp-secret-0123456789");
        adminToken = Tokens.clientCredentials(http, "admin-" + tag, "admin-secret-01234567");
    }

    @Test
    void deniedAndAllowedReadsAreBothOnRecordWithThePerson() {
        assertThat(bearer("/fhir/Patient/" + person, gpToken).statusCode()).isEqualTo(403);
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        assertThat(bearer("/fhir/Patient/" + person, gpToken).statusCode()).isEqualTo(200);

        trail.flush();
        assertThat(jdbc.sql("""
                        select outcome || ':' || action || ':' || entity_type || ':' || coalesce(outcome_reason, '')
                          from audit_event where person_id = :p and actor = :a order by id""")
                .param("p", person).param("a", "gp-" + tag).query(String.class).list())
                .containsExactly("DENIED:READ:Patient:OWN_RECORDS_ONLY", "SUCCESS:READ:Patient:REFERRAL");
    }

    @Test
    void administratorsSearchAndVerifyTheTrailOthersAreRefusedAndThatIsRecorded() {
        HttpResponse<String> refused = bearer("/api/audit/events?person=" + person, gpToken);
        HttpResponse<String> search = bearer("/api/audit/events?person=" + person + "&limit=10", adminToken);
        HttpResponse<String> verification = bearer("/api/audit/verification", adminToken);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("\"intact\":true");
        trail.flush();
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where actor = :a and outcome = 'DENIED'
                           and query = 'GET /api/audit/events'""")
                .param("a", "gp-" + tag).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :a and action = 'SEARCH' and entity_type = 'AuditEvent'")
                .param("a", "admin-" + tag).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badSearchParametersGetAClearError() {
        assertThat(bearer("/api/audit/events?limit=100000", adminToken).body()).contains("between 1 and 500");
        assertThat(bearer("/api/audit/events?action=PEEK", adminToken).statusCode()).isEqualTo(400);
    }

    @Test
    void privacyOfficerReadsBalpShapedAuditEventsOverFhir() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        bearer("/fhir/Patient/" + person, gpToken);
        String officer = "privacy-" + tag.toLowerCase();
        long id = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, 'P O', :h) returning id")
                .param("u", officer).param("h", passwords.encode("privacy-officer-pw")).query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:u, :o, 'PRIVACY_OFFICER')")
                .param("u", id).param("o", practice).update();
        WebSession session = WebSession.anonymous(port);
        session.as(officer, "privacy-officer-pw");

        HttpResponse<String> events = session.get("/fhir/AuditEvent?patient=" + person, "application/fhir+json");

        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.body()).contains("IHE.BasicAudit.PatientRead").contains("\"code\":\"rest\"")
                .contains("\"code\":\"read\"").contains("Patient/" + person).contains("\"requestor\":true")
                .contains("\"code\":\"TREAT\"");
        assertThat(bearer("/fhir/AuditEvent?patient=" + person, gpToken).statusCode()).isEqualTo(403);
    }

    @Test
    void thoseCaringForAPersonCanShowThemWhoLookedAtTheirRecord() {
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        bearer("/fhir/Patient/" + person, gpToken);

        HttpResponse<String> history = bearer("/api/people/" + person + "/access-history", gpToken);

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"who\":\"gp-" + tag + "\"").contains("\"what\":\"Patient\"")
                .contains("\"organisation\":\"AU" + tag + "\"");
    }

    private HttpResponse<String> bearer(String path, String token) {
        return http.get(path, "Authorization", "Bearer " + token, "Accept", "application/json");
    }
}
