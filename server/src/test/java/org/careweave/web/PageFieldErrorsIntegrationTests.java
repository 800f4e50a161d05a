package org.careweave.web;

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

/** A form field of the wrong type or left out shows the page again with a message naming the field. */
@CareWeaveTest
class PageFieldErrorsIntegrationTests {

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
    void aSearchWithTextForANumberShowsTheSearchAgainNamingTheField() {
        WebSession privacyOfficer = WebSession.signedIn(port, TestUsers.username(Role.PRIVACY_OFFICER),
                TestUsers.PASSWORD);

        HttpResponse<String> response = privacyOfficer.get("/audit?actor=someone&person=abc");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/audit?actor=someone");
        HttpResponse<String> page = privacyOfficer.get("/audit?actor=someone");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Person id must be a whole number, like 42; &#39;abc&#39; is not");
    }

    @Test
    void aFormWithTextForANumberShowsTheFormsPageAgainNamingTheField() {
        WebSession nurse = WebSession.signedIn(port, TestUsers.username(Role.NURSE), TestUsers.PASSWORD);

        HttpResponse<String> response = nurse.post("/worklist/alerts", "/worklist/alerts",
                "kind", "SAVED_COHORT", "targetId", "abc");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/worklist/alerts");
        assertThat(nurse.get("/worklist/alerts").body())
                .contains("Saved cohort number must be a whole number, like 42; &#39;abc&#39; is not");
    }

    @Test
    void aFormWithAFieldLeftOutShowsTheFormsPageAgainNamingTheField() {
        WebSession admin = WebSession.signedIn(port, TestUsers.username(Role.ADMINISTRATOR), TestUsers.PASSWORD);

        HttpResponse<String> response = admin.post("/admin/sharing-agreements", "/admin/sharing-agreements",
                "recipient", "1", "category", "problems", "startsOn", "2030-01-01");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/sharing-agreements").body()).contains("Enter the provider");
    }

    @Test
    void clientsThatDoNotAskForHtmlGetAProblemNamingTheField() {
        WebSession privacyOfficer = WebSession.signedIn(port, TestUsers.username(Role.PRIVACY_OFFICER),
                TestUsers.PASSWORD);

        HttpResponse<String> response = privacyOfficer.get("/audit?person=abc", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Person id must be a whole number");
    }
}
