package org.careweave.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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

/** The record summary names the teams a person is on the caseload or virtual ward of, and their coordinator. */
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

    private long user(String username, String name, long organisation, String role) {
        long user = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, :n, :h) returning id")
                .param("u", username).param("n", name).param("h", passwords.encode("summary-password-1"))
                .query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:u, :o, :r)")
                .param("u", user).param("o", organisation).param("r", role).update();
        return user;
    }
}
