package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.careweave.access.CareRelationships;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** A failure inside CareWeave reaches a FHIR caller as an incident id, never as the exception's text. */
@CareWeaveTest
@ExtendWith(OutputCaptureExtension.class)
class FhirServerErrorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    @Test
    void aServerErrorIsAnsweredWithAnIncidentIdAndLoggedUnderIt(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :c, 'GP_PRACTICE') returning id")
                .param("c", "E" + tag).query(Long.class).single();
        long person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex)
                        values ('Ada', 'Incident', date '1950-03-02', 'female') returning id""")
                .query(Long.class).single();
        relationships.start(person, CareRelationships.Kind.REFERRAL,
                CareRelationships.Holder.organisation(practice));
        clients.register("errors-" + tag, practice, "a-long-enough-secret", null, false);
        Http http = new Http(port);
        String token = Tokens.clientCredentials(http, "errors-" + tag, "a-long-enough-secret");

        HttpResponse<String> answer;
        // A table the search needs goes missing for the length of one request, as a broken deployment would have it.
        jdbc.sql("alter table consent_directive rename to consent_directive_away").update();
        try {
            answer = http.fhirGet("/fhir/Consent?patient=" + person, token);
        } finally {
            jdbc.sql("alter table consent_directive_away rename to consent_directive").update();
        }

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("OperationOutcome").contains("logged as incident")
                .doesNotContain("consent_directive").doesNotContain("select").doesNotContain("Exception");
        String incident = answer.body().replaceAll("(?s).*incident ([0-9a-f-]{36}).*", "$1");
        assertThat(output.getAll()).contains("FHIR request failed: incident " + incident)
                .contains("consent_directive");
    }
}
