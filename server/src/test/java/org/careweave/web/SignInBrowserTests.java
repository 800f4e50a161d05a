package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.careweave.shared.Role;
import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@CareWeaveTest
class SignInBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void users(@Autowired JdbcClient jdbc, @Autowired PasswordEncoder encoder) {
        TestUsers.ensure(jdbc, encoder);
        browser.at(port);
    }

    @Test
    void wrongPasswordShowsErrorSummaryAndStaysOnSignIn() {
        browser.signIn(TestUsers.username(Role.GP), "not-the-password");

        assertThat(browser.path()).startsWith("/login");
        WebElement summary = browser.find(".nhsuk-error-summary");
        assertThat(summary.getText()).contains("There is a problem", "Enter a valid username and password");
        assertThat(browser.find(".nhsuk-error-summary a").getAttribute("href")).endsWith("#username");
        assertThat(browser.find("#username").getAttribute("aria-describedby")).isEqualTo("username-error");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Sign in – CareWeave");
        // The NHS.UK error summary script moves focus to the summary, which shows the frontend JS is running.
        assertThat(activeElementClass()).contains("nhsuk-error-summary");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesItsHomePageWithItsRoleNamed(Role role) {
        TestUsers.TestUser user = TestUsers.of(role);
        browser.signIn(user.username(), TestUsers.PASSWORD);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.driver().getTitle()).isEqualTo("Home – CareWeave");
        assertThat(browser.find("h1").getText()).isEqualTo(user.displayName());
        assertThat(browser.find("#roles").getText()).contains(role.label(), user.organisationName());
        assertThat(browser.find("#signed-in-role").getText()).isEqualTo(role.label() + ", " + user.organisationName());
        assertThat(browser.find("#role-" + role.name() + " h3").getText()).isEqualTo(role.label());
    }

    @Test
    void skipLinkIsTheFirstTabStopAndMovesFocusToMainContent() {
        browser.signIn(TestUsers.username(Role.NURSE), TestUsers.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to main content");
        assertThat(first.getAttribute("class")).contains("nhsuk-skip-link");

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("maincontent");
    }

    @Test
    void signingOutShowsTheMessageAndProtectedPagesNeedSignInAgain() {
        browser.signIn(TestUsers.username(Role.SOCIAL_WORKER), TestUsers.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");

        browser.clickAndFollow(".nhsuk-header__account-button");

        assertThat(browser.path()).isEqualTo("/login?signedOut");
        assertThat(browser.find("#signed-out").getText()).contains("You have signed out");
        for (String page : new String[] {"/", "/organisations", "/neighbourhood"}) {
            browser.open(page);
            assertThat(browser.path()).as(page).isEqualTo("/login");
        }
    }

    private String activeElementClass() {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("return document.activeElement.className"));
    }
}
