package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

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

/** The web shell over real HTTP: redirects, error pages, the demo hint and the content security policy. */
@CareWeaveTest
class WebShellControllerTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void users() {
        TestUsers.ensure(jdbc, encoder);
    }

    @Test
    void pagesRedirectToSignInWhenSignedOut() {
        HttpResponse<String> response = WebSession.anonymous(port).get("/neighbourhood");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineScriptOrStyle() {
        WebSession session = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD);
        for (String path : List.of("/", "/organisations", "/neighbourhood", "/login", "/missing")) {
            HttpResponse<String> response = session.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "style-src 'self'"));
            assertThat(response.body()).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("style=\"", "<style");
        }
    }

    @Test
    void unknownPageShowsNotFoundWithoutInternals() {
        HttpResponse<String> response = WebSession.signedIn(port, TestUsers.username(Role.NURSE), TestUsers.PASSWORD)
                .get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Page not found – CareWeave</title>", "Skip to main content")
                .doesNotContain("Exception", "at org.");
    }

    @Test
    void clientsThatDoNotAskForHtmlStillGetProblemDetails() {
        HttpResponse<String> response = WebSession.signedIn(port, TestUsers.username(Role.NURSE), TestUsers.PASSWORD)
                .get("/no-such-page", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404", "\"instance\":\"/no-such-page\"");
    }

    @Test
    void forbiddenPageSaysYouDoNotHavePermission() {
        HttpResponse<String> response = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD)
                .get("/actuator/metrics");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("You do not have permission").doesNotContain("Exception");
    }

    @Test
    void signInPageListsDemoUsersOnlyWhenThereAreSome() {
        List<String> demo = demoUsernames();
        String before = WebSession.anonymous(port).get("/login").body();
        assertThat(before.contains("id=\"demo-users\"")).isEqualTo(!demo.isEmpty());

        jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, demo)
                        values ('test-demo', 'Test Demo User', :hash, true) on conflict (username) do nothing""")
                .param("hash", encoder.encode(TestUsers.PASSWORD)).update();
        String after = WebSession.anonymous(port).get("/login").body();

        assertThat(after).contains("id=\"demo-users\"", "Demo sign-in");
        assertThat(demoUsernames()).allSatisfy(username -> assertThat(after).contains(">" + username + "</code>"));
        assertThat(after).doesNotContain(">" + TestUsers.username(Role.GP) + "</code>");
    }

    private List<String> demoUsernames() {
        return jdbc.sql("select username from staff_user where demo and enabled").query(String.class).list();
    }
}
