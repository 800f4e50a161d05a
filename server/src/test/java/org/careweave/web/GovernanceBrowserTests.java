package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The governance journeys as people do them, with the demo users of the generated neighbourhood: an administrator
 * manages staff and teams, a GP opens records through a relationship or, in an emergency, through break-glass, and
 * the privacy officer reviews that use and finds it in the audit trail.
 */
@CareWeaveTest
class GovernanceBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void at() {
        browser.at(port);
    }

    @Test
    void administratorAddsStaffAndTeamsAndIsToldWhatIsWrong() throws IOException {
        signInAs("admin");
        browser.open("/admin/staff");
        assertNoSeriousViolations("/admin/staff");
        String username = "worker" + UUID.randomUUID().toString().substring(0, 6);

        submitNewStaff(username, "short");
        assertThat(browser.find("#error-text").getText()).contains("at least 12 characters");

        submitNewStaff(username, "a-long-enough-password");
        assertThat(browser.find("#staff").getText()).contains("Test Worker " + username);
        browser.find("#create-team").click();
        browser.find("#team-name").sendKeys("Hospital discharge team " + username);
        browser.clickAndFollow("form[action$='/admin/teams'] button[type=submit]");
        assertThat(browser.driver().getPageSource()).contains("Hospital discharge team " + username);
    }

    @Test
    void gpOpensTheRecordOfSomeoneRegisteredAtTheirPractice() throws IOException {
        String nhs = jdbc.sql("""
                        select p.nhs_number from person p
                          join staff_role r on r.organisation_id = p.registered_practice_id
                          join staff_user u on u.id = r.user_id
                         where u.username = 'gp' and p.nhs_number is not null and p.deceased_date is null
                         order by p.id limit 1""").query(String.class).single();
        signInAs("gp");
        browser.open("/people");
        browser.find("#nhsNumber").sendKeys(nhs);
        browser.clickAndFollow("form[action$='/people'] button[type=submit]");

        assertThat(browser.path()).startsWith("/people/");
        assertThat(browser.find("#basis").getText()).contains("registered practice");
        assertThat(browser.find("#demographics").getText()).contains(nhs.substring(0, 3) + " " + nhs.substring(3, 6));
        assertNoSeriousViolations("/people/{id}");
        browser.screenshot(Path.of("target/screenshots/person-summary.png"));
    }

    @Test
    void emergencyAccessIsExplainedGrantedFlaggedReviewedAndAudited() throws IOException {
        long person = jdbc.sql("""
                        select p.id from person p
                         where p.registered_practice_id not in (select r.organisation_id from staff_role r
                                join staff_user u on u.id = r.user_id where u.username = 'gp')
                           and not exists (select 1 from break_glass b where b.person_id = p.id)
                           and not exists (select 1 from care_relationship c where c.person_id = p.id)
                         order by p.id limit 1""").query(Long.class).single();
        signInAs("gp");
        browser.open("/people/" + person);
        assertThat(browser.find("h1").getText()).isEqualTo("You cannot open this record");
        assertNoSeriousViolations("no relationship");

        browser.find("#reason").sendKeys("short");
        browser.clickAndFollow("#break-glass form button[type=submit]");
        assertThat(browser.driver().getPageSource()).contains("at least 10 characters");

        browser.find("#reason").sendKeys(" - collapsed at the surgery, no other record available");
        browser.clickAndFollow("#break-glass form button[type=submit]");
        assertThat(browser.find("#break-glass-banner").getText()).contains("emergency (break-glass) access");

        signInAs("privacy");
        browser.open("/privacy/break-glass");
        assertNoSeriousViolations("/privacy/break-glass");
        long use = jdbc.sql("select id from break_glass where person_id = :p").param("p", person).query(Long.class).single();
        assertThat(browser.find("#use-" + use).getText()).contains("collapsed at the surgery");
        browser.clickAndFollow("#use-" + use + " button[type=submit]");
        assertThat(browser.driver().getPageSource()).contains("Review of emergency access " + use + " recorded");

        browser.open("/audit?person=" + person);
        assertNoSeriousViolations("/audit");
        String trail = browser.find("#content").getText();
        assertThat(trail).contains("BREAK_GLASS").contains("REVIEW").contains("DENIED");
    }

    private void submitNewStaff(String username, String password) {
        browser.find("#add-staff").click();
        browser.find("#displayName").sendKeys("Test Worker " + username);
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.clickAndFollow("form[action$='/admin/staff'] > button[type=submit]");
    }

    private void signInAs(String demoUser) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(demoUser, "demo-" + demoUser + "-2026");
        assertThat(browser.path()).isEqualTo("/");
    }

    private void assertNoSeriousViolations(String page) throws IOException {
        List<Map<String, Object>> violations = browser.seriousAccessibilityViolations();
        violations.forEach(v -> System.out.println("axe on " + page + ": " + v));
        assertThat(violations).as("serious or critical axe-core violations on " + page).isEmpty();
    }
}
