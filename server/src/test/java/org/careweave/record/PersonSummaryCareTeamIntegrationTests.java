package org.careweave.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.careweave.access.DataCategory;
import org.careweave.access.SharingAgreements;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The record summary names the teams a person is on the caseload or virtual ward of and their coordinator, the flags
 * to notice first and the person's key contacts.
 */
@CareWeaveTest
class PersonSummaryCareTeamIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Caseloads caseloads;

    @Autowired
    SharingAgreements agreements;

    @Test
    void theSummaryShowsEachTeamItsProgrammeAndTheNamedCoordinator() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'GP_PRACTICE') returning id")
                .param("c", "S" + tag).param("n", "Summary Surgery " + tag).query(Long.class).single();
        long gp = user("summary-gp-" + tag, "Dr Summary " + tag, practice, "GP");
        long coordinator = user("summary-cc-" + tag, "Casey Coordinator " + tag, practice, "CARE_COORDINATOR");
        long team = jdbc.sql("insert into team (name, kind, lead_organisation_id) values (:n, 'NEIGHBOURHOOD_TEAM', :o) returning id")
                .param("n", "Riverside Team " + tag).param("o", practice).query(Long.class).single();
        jdbc.sql("insert into team_member (team_id, user_id) values (:t, :u), (:t, :g)")
                .param("t", team).param("u", coordinator).param("g", gp).update();
        long person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id)
                        values ('Cara', 'Teamed', date '1938-06-01', 'female', :o) returning id""")
                .param("o", practice).query(Long.class).single();
        WebSession session = WebSession.signedIn(port, "summary-gp-" + tag, "summary-password-1");

        assertThat(session.get("/people/" + person).body()).contains("Not on a team's caseload or virtual ward");
        caseloads.enrol(new Enrolment(person, team, CaseloadEpisode.Programme.VIRTUAL_WARD, coordinator,
                "Two admissions this year"), "tester");
        String page = session.get("/people/" + person).body();

        assertThat(page).contains("id=\"care-team\"").contains("Riverside Team " + tag).contains("Virtual ward")
                .contains("Care coordinator: <strong>Casey Coordinator " + tag + "</strong>");
    }

    @Test
    void theSummaryShowsFlagsAndKeyContactsButNoFlagTheViewerMayNotSee() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long practice = organisation("F" + tag, "Flag Surgery " + tag, "GP_PRACTICE");
        long hospital = organisation("H" + tag, "Flag Hospital " + tag, "ACUTE_TRUST");
        long hospice = organisation("C" + tag, "Flag Hospice " + tag, "VCSE");
        user("flags-gp-" + tag, "Dr Flags " + tag, practice, "GP");
        long person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id,
                                            care_home_resident)
                        values ('Flo', 'Flagged', date '1936-02-01', 'female', :o, true) returning id""")
                .param("o", practice).query(Long.class).single();
        agreements.create(hospital, practice, DataCategory.ENCOUNTERS, LocalDate.now().minusDays(1), null, "test");
        jdbc.sql("""
                        insert into person_source_patient (source_org_id, source_id, person_id, content_hash, resource)
                        values (:h, 'p1', :p, '\\x00', cast(:json as jsonb))""")
                .param("h", hospital).param("p", person).param("json", """
                        {"resourceType":"Patient","contact":[
                          {"relationship":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0131",
                             "code":"N","display":"Next-of-Kin"}]}],
                           "name":{"given":["Rob"],"family":"Flagged"},
                           "telecom":[{"system":"phone","value":"0113 496 0000"}]}]}""").update();
        item(person, hospital, "Encounter", "emergency-admission", "Emergency admission", "in-progress");
        item(person, practice, "Flag", "flag", "Uses a wheelchair", "active");
        item(person, practice, "Flag", "flag", "Old flag, no longer true", "inactive");
        item(person, hospice, "Flag", "flag", "Flag the practice may not see", "active");
        WebSession session = WebSession.signedIn(port, "flags-gp-" + tag, "summary-password-1");

        String page = session.get("/people/" + person).body();

        String flags = page.substring(page.indexOf("id=\"flags\""), page.indexOf("</ul>", page.indexOf("id=\"flags\"")));
        assertThat(flags).contains("In hospital now").contains("Flag Hospital " + tag)
                .contains("Uses a wheelchair").contains("Lives in a care home").contains("NHS number not verified")
                .doesNotContain("Old flag");
        assertThat(page).doesNotContain("Flag the practice may not see");
        assertThat(page).contains("id=\"key-contacts\"").contains("Rob Flagged").contains("Next-of-Kin")
                .contains("0113 496 0000");
    }

    private long organisation(String code, String name, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, :t) returning id")
                .param("c", code).param("n", name).param("t", type).query(Long.class).single();
    }

    private void item(long person, long source, String type, String category, String display, String status) {
        jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, display, status, effective_start,
                                                 source_org_id, source_id)
                        values (:p, :type, :cat, :display, :status, now() - interval '2 days', :src, :sid)""")
                .param("p", person).param("type", type).param("cat", category).param("display", display)
                .param("status", status).param("src", source).param("sid", UUID.randomUUID().toString()).update();
    }

    private long user(String username, String name, long organisation, String role) {
        long user = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, :n, :h) returning id")
                .param("u", username).param("n", name).param("h", passwords.encode("summary-password-1"))
                .query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:u, :o, :r)")
                .param("u", user).param("o", organisation).param("r", role).update();
        return user;
    }
}
