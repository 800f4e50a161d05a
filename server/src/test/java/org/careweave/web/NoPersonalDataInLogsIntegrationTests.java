package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a caller asked for, and the rows the database refused, stay out of the application log. */
@CareWeaveTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Test
    void aRefusedFhirSearchIsAnsweredButWhatItSearchedForIsNotLogged(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :c, 'GP_PRACTICE') returning id")
                .param("c", "L" + tag).query(Long.class).single();
        clients.register("logs-" + tag, practice, "a-long-enough-secret", null, false);
        Http http = new Http(port);
        String token = Tokens.clientCredentials(http, "logs-" + tag, "a-long-enough-secret");
        String searchedFor = "Wilhelmina Quested-" + tag;

        var answer = http.fhirGet("/fhir/Patient?identifier=" + URLEncoder.encode(searchedFor, StandardCharsets.UTF_8),
                token);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("OperationOutcome").contains(searchedFor);
        assertThat(output.getAll()).doesNotContain(searchedFor);
    }

    @Test
    void aRowTheDatabaseRefusesIsNotQuotedInTheErrorMessage() {
        String familyName = "Refusedrow-" + UUID.randomUUID();

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex)
                        values ('Ada', :family, date '1950-03-02', 'not a sex')""")
                .param("family", familyName).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage())
                        .contains("violates check constraint").doesNotContain(familyName));
    }
}
