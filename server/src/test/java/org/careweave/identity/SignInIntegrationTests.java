package org.careweave.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@CareWeaveTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    Http http;
    String username;

    @BeforeEach
    void user() {
        http = new Http(port);
        username = "nurse-" + UUID.randomUUID().toString().substring(0, 8);
        long org = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, 'Sign-in Practice', 'GP_PRACTICE') returning id")
                .param("c", "S" + username).query(Long.class).single();
        long id = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, 'Test Nurse', :h) returning id")
                .param("u", username).param("h", passwords.encode("correct horse battery"))
                .query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:id, :org, 'NURSE')")
                .param("id", id).param("org", org).update();
    }

    @Test
    void rightPasswordSignsInAndOpensTheHomePage() {
        WebSession session = WebSession.anonymous(port);

        assertThat(session.as(username, "correct horse battery")).endsWith("/");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordStaysOnTheSignInPage() {
        assertThat(WebSession.anonymous(port).as(username, "wrong")).endsWith("/login?error");
    }

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            WebSession.anonymous(port).as(username, "wrong " + i);
        }

        assertThat(WebSession.anonymous(port).as(username, "correct horse battery")).endsWith("/login?locked");
        assertThat(jdbc.sql("select failed_attempts from sign_in_lockout where username = :u")
                .param("u", username).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void successClearsEarlierFailures() {
        WebSession.anonymous(port).as(username, "wrong");
        WebSession.anonymous(port).as(username, "correct horse battery");

        assertThat(jdbc.sql("select count(*) from sign_in_lockout where username = :u")
                .param("u", username).query(Long.class).single()).isZero();
    }

    @Test
    void unknownUsernamesAreCountedWithoutSayingTheyDoNotExist() {
        String ghost = "ghost-" + UUID.randomUUID();

        assertThat(WebSession.anonymous(port).as(ghost, "anything")).endsWith("/login?error");
        assertThat(jdbc.sql("select failed_attempts from sign_in_lockout where username = :u")
                .param("u", ghost).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsSentToSignInSayingSo() {
        HttpResponse<String> stale = http.get("/", "Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF",
                "Accept", "text/html");

        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }

    @Test
    void sessionCookieIsHttpOnly() {
        assertThat(http.get("/login").headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).contains("JSESSIONID").containsIgnoringCase("HttpOnly"));
    }
}
