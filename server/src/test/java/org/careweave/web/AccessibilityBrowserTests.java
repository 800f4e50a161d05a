package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.careweave.person.IncomingPatient;
import org.careweave.person.PersonMatching;
import org.careweave.shared.Role;
import org.careweave.support.Browser;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** axe-core finds no serious or critical accessibility problems; screenshots go to target/screenshots. */
@CareWeaveTest
class AccessibilityBrowserTests {

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
    void signInPageAndItsErrorStateHaveNoSeriousViolations() throws IOException {
        browser.open("/login");
        assertNoSeriousViolations("/login");
        browser.signIn("nobody", "wrong");
        assertNoSeriousViolations("/login?error");
        browser.screenshot(Path.of("target/screenshots/login-error.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/organisations", "/neighbourhood", "/no-such-page"})
    void signedInPagesHaveNoSeriousViolations(String page) throws IOException {
        browser.signIn(TestUsers.username(Role.DATA_ANALYST), TestUsers.PASSWORD);
        browser.open(page);
        assertNoSeriousViolations(page);
        String name = page.equals("/") ? "home" : page.substring(1);
        browser.screenshot(Path.of("target/screenshots/" + name + ".png"));
    }

    @Test
    void thePersonIndexWithAMatchToReviewHasNoSeriousViolations(@Autowired JdbcClient jdbc,
                                                                 @Autowired PersonMatching matching) throws IOException {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String source : List.of("A", "B")) {
            long organisation = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'ACUTE_TRUST')"
                            + " returning id").param("c", source + tag).param("n", "Trust " + source + tag)
                    .query(Long.class).single();
            String json = "{\"resourceType\":\"Patient\"}";
            matching.link(organisation, new IncomingPatient(source, null, List.of(), source.equals("A") ? "Ann" : "Beth",
                    "Axe" + tag, java.time.LocalDate.of(1944, 4, 4), "female", null, "LS1 1AA", null, json,
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        browser.signIn(TestUsers.username(Role.ADMINISTRATOR), TestUsers.PASSWORD);
        browser.open("/admin/person-index");
        assertThat(browser.driver().getPageSource()).contains("Axe" + tag);
        assertNoSeriousViolations("/admin/person-index");
        browser.screenshot(Path.of("target/screenshots/person-index.png"));
    }

    @Test
    void scanFindsViolationsWhenThereAreSome() throws IOException {
        browser.open("/login");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('label[for=username]').remove();"
                        + "document.querySelector('main').appendChild(document.createElement('img'));");
        assertThat(browser.seriousAccessibilityViolations()).extracting(v -> v.get("id"))
                .contains("label", "image-alt");
    }

    private void assertNoSeriousViolations(String page) throws IOException {
        List<Map<String, Object>> violations = browser.seriousAccessibilityViolations();
        violations.forEach(v -> System.out.println("axe on " + page + ": " + v));
        assertThat(violations).as("serious or critical axe-core violations on " + page).isEmpty();
    }
}
