package org.careweave.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.careweave.access.Consents;
import org.careweave.access.DataCategory;
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

/**
 * Stale and wrong requests from the person's page (a second click, a second tab, an edited form, an old link) show
 * the page again with a message or the 404 page, never a server error, and keep nothing.
 */
@CareWeaveTest
class PersonPageErrorsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Consents consents;

    WebSession gp;
    long person;

    @BeforeEach
    void arrange() {
        TestUsers.ensure(jdbc, encoder);
        gp = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD);
        person = person();
    }

    @Test
    void withdrawingAChoiceTwiceSaysItWasAlreadyWithdrawn() {
        long choice = consents.objectToCategory(person, DataCategory.parse("problems"), null, "tester");
        String withdrawal = "/people/" + person + "/consents/" + choice + "/withdrawal";

        HttpResponse<String> first = gp.post("/people/" + person, withdrawal);
        HttpResponse<String> second = gp.post("/people/" + person, withdrawal);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(follow(second).body()).contains("That sharing choice was already withdrawn");
    }

    @Test
    void withdrawingAnotherPersonsChoiceIsRefusedOnThePage() {
        long someoneElse = person();
        long theirs = consents.objectToCategory(someoneElse, DataCategory.parse("problems"), null, "tester");

        HttpResponse<String> response = gp.post("/people/" + person,
                "/people/" + person + "/consents/" + theirs + "/withdrawal");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(follow(response).body()).contains("That sharing choice is not this person&#39;s");
        assertThat(consents.find(theirs).orElseThrow().active()).isTrue();
    }

    @Test
    void objectingToAnOrganisationThatDoesNotExistSaysSoAndKeepsNothing() {
        HttpResponse<String> response = gp.post("/people/" + person, "/people/" + person + "/consents",
                "kind", "OBJECT_ORGANISATION", "organisation", "99999999");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(follow(response).body()).contains("No organisation with id 99999999 to object to");
        assertThat(consents.of(person)).isEmpty();
    }

    @Test
    void emergencyAccessToAPersonWhoDoesNotExistIsNotFound() {
        HttpResponse<String> response = gp.post("/people", "/people/99999999/break-glass",
                "reason", "Unconscious in the emergency department");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
    }

    private HttpResponse<String> follow(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return gp.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    private long person() {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id)
                        values ('Pat', 'Choices', date '1945-05-06', 'male', :practice) returning id""")
                .param("practice", TestUsers.organisationId(jdbc, TestUsers.practiceCode())).query(Long.class).single();
    }
}
