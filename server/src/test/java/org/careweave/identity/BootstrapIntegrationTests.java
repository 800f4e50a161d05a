package org.careweave.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.careweave.CareWeaveApplication;
import org.careweave.support.Http;
import org.careweave.support.WebSession;
import org.careweave.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careweave.demo.enabled=false",
        "careweave.bootstrap.organisation=QXY01",
        "careweave.bootstrap.organisation-name=Test Integrated Care Board",
        "careweave.bootstrap.client-id=qxy-feed",
        "careweave.bootstrap.client-secret=bootstrap-secret-0123",
        "careweave.bootstrap.admin-user=firstadmin",
        "careweave.bootstrap.admin-password=first-admin-password",
        "careweave.mllp.port=0"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsTheOrganisationClientAndAdministrator() {
        assertThat(jdbc.sql("select name || '/' || type from organisation where ods_code = 'QXY01'")
                .query(String.class).single()).isEqualTo("Test Integrated Care Board/ICB");
        assertThat(jdbc.sql("""
                        select r.role from staff_user u join staff_role r on r.user_id = u.id
                          join organisation o on o.id = r.organisation_id
                         where u.username = 'firstadmin' and o.ods_code = 'QXY01'""")
                .query(String.class).single()).isEqualTo("ADMINISTRATOR");
        assertThat(WebSession.anonymous(port).as("firstadmin", "first-admin-password")).endsWith("/");
    }

    @Test
    void bootstrapClientGetsAnAdministratorTokenForItsOrganisation() {
        Http http = new Http(port);
        String basic = Base64.getEncoder().encodeToString("qxy-feed:bootstrap-secret-0123".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        String payload = response.body().replaceAll(".*\"access_token\":\"[^.]+\\.([^.]+)\\..*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"org\":\"QXY01\"").contains("\"roles\":[\"ADMINISTRATOR\"]");

        // The role lets the system administer; it is not a person's role, so the client still acts as its
        // organisation's system: it submits records and reads back what it sent.
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> stored = http.fhirPost(token, """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:7d1f0c36-0c55-4f0e-9a51-5b1b2f2d0a01",
                   "resource": {"resourceType": "Patient", "identifier": [{"system": "urn:test:qxy", "value": "p-1"}],
                                "name": [{"family": "Bootstrap", "given": ["Test"]}], "birthDate": "1950-02-03"},
                   "request": {"method": "POST", "url": "Patient"}},
                  {"fullUrl": "urn:uuid:7d1f0c36-0c55-4f0e-9a51-5b1b2f2d0a02",
                   "resource": {"resourceType": "Condition",
                                "subject": {"reference": "urn:uuid:7d1f0c36-0c55-4f0e-9a51-5b1b2f2d0a01"},
                                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "38341003"}]}},
                   "request": {"method": "POST", "url": "Condition"}}]}""");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        long person = jdbc.sql("select person_id from person_source_identifier where value = 'p-1'")
                .query(Long.class).single();
        HttpResponse<String> conditions = http.fhirGet("/fhir/Condition?patient=" + person, token);
        assertThat(conditions.statusCode()).isEqualTo(200);
        assertThat(conditions.body()).contains("38341003");
    }

    @Test
    void secretsNeverReachTheLog(CapturedOutput output) {
        assertThat(output.getAll()).contains("Bootstrap system client qxy-feed is registered")
                .doesNotContain("bootstrap-secret-0123").doesNotContain("first-admin-password");
    }

    @Test
    void clientWithoutSecretStopsStartUpNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CareWeaveApplication.class)
                .initializers(new TestDatabase())
                .run("--server.port=0", "--careweave.mllp.port=0", "--careweave.demo.enabled=false",
                        "--careweave.bootstrap.organisation=QXY02",
                        "--careweave.bootstrap.client-id=lonely"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll()).contains("careweave.bootstrap.client-secret (CAREWEAVE_BOOTSTRAP_CLIENT_SECRET)");
    }
}
