package org.careweave.casefinding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Stale links and refusals on the case-finding pages answer with the 404 and 403 pages, not a server error. */
@CareWeaveTest
class CaseFindingPageErrorsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    WebSession gp;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(jdbc, encoder);
        gp = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD);
    }

    @Test
    void anUnknownSavedCohortIsNotFound() {
        HttpResponse<String> page = gp.get("/case-finding?cohort=99999999");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void aPersonWithoutRiskScoresIsNotFound() {
        long unscored = person(TestUsers.organisationId(jdbc, TestUsers.practiceCode()));

        HttpResponse<String> page = gp.get("/case-finding/people/" + unscored);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void aPersonOutsideTheCallersPracticesIsRefusedWithTheReason() {
        long elsewhere = person(jdbc.sql("""
                        insert into organisation (ods_code, name, type) values (:code, 'Elsewhere Surgery', 'GP_PRACTICE')
                        returning id""").param("code", "XE" + System.nanoTime() % 100000000).query(Long.class).single());

        HttpResponse<String> page = gp.get("/case-finding/people/" + elsewhere);
        HttpResponse<String> enrol = gp.post("/case-finding", "/case-finding/people/" + elsewhere + "/enrol",
                "teamId", "1", "careManagerId", "1", "reason", "Frail and alone");
        HttpResponse<String> dismiss = gp.post("/case-finding", "/case-finding/people/" + elsewhere + "/dismiss",
                "reason", "Already known to the district nurses");

        for (HttpResponse<String> refused : java.util.List.of(page, enrol, dismiss)) {
            assertThat(refused.statusCode()).as(refused.uri().getPath()).isEqualTo(403);
            assertThat(refused.body()).contains("You do not have permission")
                    .contains("Case finding is for the person&#39;s registered practice");
        }
        assertThat(jdbc.sql("select count(*) from case_finding_dismissal where person_id = :p").param("p", elsewhere)
                .query(Long.class).single()).isZero();
    }

    private long person(long practice) {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id)
                        values ('Una', 'Scored', date '1941-02-03', 'female', :practice) returning id""")
                .param("practice", practice).query(Long.class).single();
    }
}
