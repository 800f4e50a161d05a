package org.careweave.access;

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

/** A person or organisation id that does not exist is answered with what is wrong, not a database error. */
@CareWeaveTest
class UnknownReferencesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SharingAgreements agreements;

    @BeforeEach
    void users() {
        TestUsers.ensure(jdbc, encoder);
    }

    @Test
    void emergencyAccessToAPersonWhoDoesNotExistIsNotFound() {
        WebSession gp = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD);

        HttpResponse<String> response = gp.postJson("/api/people/99999999/break-glass",
                "{\"reason\":\"Unconscious in the emergency department\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"CW-404-PERSON\"").contains("No person with id 99999999");
    }

    @Test
    void anAgreementWithAnOrganisationThatDoesNotExistSaysWhichAndKeepsNothing() {
        WebSession admin = WebSession.signedIn(port, TestUsers.username(Role.ADMINISTRATOR), TestUsers.PASSWORD);
        long practice = TestUsers.organisationId(jdbc, TestUsers.practiceCode());
        int before = agreements.all().size();

        HttpResponse<String> response = admin.post("/admin/sharing-agreements", "/admin/sharing-agreements",
                "provider", "99999999", "recipient", String.valueOf(practice), "category", "problems",
                "startsOn", "2030-01-01");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/sharing-agreements").body()).contains("No provider organisation with id 99999999");
        assertThat(agreements.all()).hasSize(before);
    }
}
