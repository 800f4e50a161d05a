package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
