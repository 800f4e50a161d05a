package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.careweave.shared.Role;
import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@CareWeaveTest
class NavigationBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void signIn(@Autowired JdbcClient jdbc, @Autowired PasswordEncoder encoder) {
        TestUsers.ensure(jdbc, encoder);
        browser.at(port).signIn(TestUsers.username(Role.CARE_COORDINATOR), TestUsers.PASSWORD);
    }

    @Test
    void mainNavigationLeadsToOrganisationsAndTheNeighbourhoodProfile() {
        assertThat(currentNavigationLabel()).isEqualTo("Home");

        browser.driver().findElement(By.linkText("Organisations")).click();
        assertThat(browser.path()).isEqualTo("/organisations");
        assertThat(browser.find("h1").getText()).isEqualTo("Organisations");
        assertThat(browser.driver().getTitle()).isEqualTo("Organisations – CareWeave");
        assertThat(currentNavigationLabel()).isEqualTo("Organisations");
        assertThat(browser.find("#org-" + TestUsers.practiceCode()).getText()).contains("Test Millbrook Surgery");

        browser.driver().findElement(By.linkText("Neighbourhood profile")).click();
        assertThat(browser.path()).isEqualTo("/neighbourhood");
        assertThat(browser.find("h1").getText()).isEqualTo("Neighbourhood profile");
        assertThat(currentNavigationLabel()).isEqualTo("Neighbourhood profile");

        browser.find(".nhsuk-breadcrumb__link").click();
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void homePageCardsLinkOnlyToPagesThatExist() {
        var cards = browser.findAll(".nhsuk-card__link");
        assertThat(cards).isNotEmpty();
        var targets = cards.stream().map(a -> a.getAttribute("href")).toList();
        for (String target : targets) {
            browser.driver().get(target);
            assertThat(browser.find("h1").getText()).as(target).isNotEqualTo("Page not found");
            assertThat(browser.driver().getTitle()).as(target).doesNotContain("problem", "permission");
        }
    }

    private String currentNavigationLabel() {
        return browser.find(".nhsuk-header__navigation-link[aria-current=page]").getText();
    }
}
