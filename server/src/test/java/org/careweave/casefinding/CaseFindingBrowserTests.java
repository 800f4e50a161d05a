package org.careweave.casefinding;

import static org.assertj.core.api.Assertions.assertThat;

import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coordinator's journey: a bad cohort is explained, a good one counted, listed, reviewed and enrolled. */
@CareWeaveTest
class CaseFindingBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void at() {
        browser.at(port);
    }

    @Test
    void coordinatorFindsAFrailPersonAndEnrolsThemOnTheVirtualWard() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("coordinator", "demo-coordinator-2026");
        browser.open("/case-finding");
        browser.find("#minAge").sendKeys("old");
        browser.clickAndFollow("#count-button");
        assertThat(browser.find(".nhsuk-error-summary").getText()).contains("Lowest age must be a whole number");

        browser.find("#minAge").clear();
        browser.find("#minAge").sendKeys("65");
        browser.find("label[for='frailty-SEVERE']").click();
        browser.find("label[for='frailty-MODERATE']").click();
        browser.find("label[for='notOnCaseload']").click();
        browser.clickAndFollow("#count-button");
        assertThat(browser.find("#count-total").getText()).matches("[0-9,]+|<8");
        assertThat(browser.findAll("#worklist")).isEmpty();

        browser.clickAndFollow("#list-button");
        String name = browser.find("#worklist tbody tr a").getText();
        browser.clickAndFollow("#worklist tbody tr a");
        assertThat(browser.find("h1").getText()).isEqualTo(name);
        assertThat(browser.find("#efi").getText()).contains("of 36 deficits");

        browser.find("label[for='programme-virtual-ward']").click();
        browser.find("#reason").sendKeys("Found by case finding: frail, recent admissions");
        browser.clickAndFollow("#enrol-button");
        assertThat(browser.find("#enrolled").getText()).contains("Enrolled");
        assertThat(browser.find("#open-episodes").getText()).contains("Virtual ward");

        browser.open("/caseload");
        assertThat(browser.find("#mine").getText()).contains(name).contains("Virtual ward");
    }
}
