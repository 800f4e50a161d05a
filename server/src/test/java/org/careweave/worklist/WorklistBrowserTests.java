package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.shared.Role;
import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The worklist page updates by itself when a movement arrives, and staff act on it with the keyboard. */
@CareWeaveTest
class WorklistBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Caseloads caseloads;

    WorklistFixture fixture;

    @BeforeEach
    void signIn() {
        fixture = new WorklistFixture(jdbc, encoder, transactions, events, caseloads);
        browser.at(port).signIn(TestUsers.username(Role.CARE_COORDINATOR), TestUsers.PASSWORD);
    }

    @Test
    void aDischargeAppearsWithoutReloadingAndTheTaskCanBeCompleted() {
        browser.driver().findElement(By.linkText("Worklist")).click();
        assertThat(browser.path()).isEqualTo("/worklist");
        assertThat(browser.find("h1").getText()).isEqualTo("Worklist");
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        script.executeScript("window.sameDocument = true;");

        long person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.CASELOAD);
        long encounter = fixture.encounter(person);
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, Instant.now()));
        long notification = jdbc.sql("select id from worklist_notification where person_id = :p and user_id = :u")
                .param("p", person).param("u", fixture.coordinator).query(Long.class).single();
        long task = jdbc.sql("select id from worklist_task where person_id = :p").param("p", person).query(Long.class).single();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(driver -> !driver.findElements(By.id("notification-" + notification)).isEmpty()
                        && !driver.findElements(By.id("task-" + task)).isEmpty());
        assertThat(script.executeScript("return window.sameDocument === true;")).isEqualTo(true);
        assertThat(browser.find("#notification-" + notification).getText()).contains("Worklist" + fixture.tag)
                .contains("Discharged").contains("You are their care manager");

        browser.clickAndFollow("#acknowledge-" + notification);
        assertThat(browser.find("#action-done").getText()).isEqualTo("Notification acknowledged");
        assertThat(browser.find("#notification-" + notification).getText()).contains("Seen by");

        browser.find("#task-" + task + " summary").click();
        browser.find("#outcome-" + task).sendKeys("Visited at home; medicines reconciled");
        browser.clickAndFollow("#complete-" + task);
        assertThat(browser.find("#action-done").getText()).isEqualTo("Task completed");
        assertThat(browser.findAll("#task-" + task)).isEmpty();

    }
}
