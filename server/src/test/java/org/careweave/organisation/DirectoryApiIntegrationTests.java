package org.careweave.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Organisations, staff, roles and teams through the REST API, read back through FHIR. */
@CareWeaveTest
class DirectoryApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    SystemClients clients;

    Http http;
    String tag;
    String admin;
    String reader;

    @BeforeEach
    void tokens() {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
        long icb = organisations.ensure("ICB" + tag, "Test ICB", OrganisationType.ICB);
        clients.register("admin-" + tag, icb, "admin-secret-0123456", null, true);
        clients.register("reader-" + tag, icb, "reader-secret-012345", null, false);
        admin = Tokens.clientCredentials(http, "admin-" + tag, "admin-secret-0123456");
        reader = Tokens.clientCredentials(http, "reader-" + tag, "reader-secret-012345");
    }

    @Test
    void administratorBuildsATeamAcrossOrganisationsAndFhirShowsIt() {
        assertThat(post("/api/organisations", admin, "{\"odsCode\":\"PCN" + tag + "\",\"name\":\"North PCN\",\"type\":\"PCN\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/organisations", admin, "{\"odsCode\":\"GP" + tag + "\",\"name\":\"Elm Surgery\","
                + "\"type\":\"GP_PRACTICE\",\"parentCode\":\"PCN" + tag + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> nurse = post("/api/staff", admin, "{\"username\":\"nurse" + tag + "\",\"displayName\":\"Nia Nurse\","
                + "\"password\":\"a-strong-password\",\"role\":\"nurse\",\"organisation\":\"GP" + tag + "\"}");
        long nurseId = id(nurse.body());
        assertThat(post("/api/staff/" + nurseId + "/roles", admin, "{\"role\":\"CARE_COORDINATOR\",\"organisation\":\"PCN"
                + tag + "\"}").body()).contains("CARE_COORDINATOR").contains("NURSE");
        HttpResponse<String> team = post("/api/teams", admin, "{\"name\":\"North INT " + tag
                + "\",\"kind\":\"NEIGHBOURHOOD_TEAM\",\"leadOrganisation\":\"PCN" + tag + "\"}");
        long teamId = id(team.body());
        assertThat(post("/api/teams/" + teamId + "/members", admin, "{\"userId\":" + nurseId + "}").body())
                .contains("\"memberIds\":[" + nurseId + "]");

        String organisation = fhir("/fhir/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7CGP" + tag);
        String roles = fhir("/fhir/PractitionerRole?practitioner=" + nurseId);
        String careTeam = fhir("/fhir/CareTeam/" + teamId);

        assertThat(organisation).contains("\"total\":1").contains("Elm Surgery").contains("partOf");
        assertThat(roles).contains("\"total\":2").contains("Care coordinator").contains("Nia Nurse");
        assertThat(careTeam).contains("North INT").contains("Practitioner/" + nurseId);
    }

    @Test
    void badDirectoryInputIsRefusedWithAReason() {
        assertThat(post("/api/organisations", admin, "{\"odsCode\":\"bad code\",\"name\":\"X\",\"type\":\"PCN\"}").body())
                .contains("3 to 12 capital letters");
        assertThat(post("/api/organisations", admin, "{\"odsCode\":\"X" + tag + "\",\"name\":\"X\",\"type\":\"HOSPICE\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/staff", admin, "{\"username\":\"x" + tag + "\",\"displayName\":\"X\",\"password\":"
                + "\"a-strong-password\",\"role\":\"wizard\",\"organisation\":\"ICB" + tag + "\"}").body())
                .contains("Unknown role 'wizard'");
        assertThat(post("/api/staff", admin, "{\"username\":\"x" + tag + "\",\"displayName\":\"X\",\"password\":"
                + "\"short\",\"role\":\"GP\",\"organisation\":\"ICB" + tag + "\"}").body()).contains("at least 12");
        assertThat(post("/api/teams/999999/members", admin, "{\"userId\":1}").body()).contains("No team with id 999999");
        assertThat(organisations.idOf("X" + tag)).isEmpty();
    }

    @Test
    void readersSeeTheDirectoryButCannotChangeIt() {
        assertThat(http.get("/api/organisations", "Authorization", "Bearer " + reader).statusCode()).isEqualTo(200);
        assertThat(post("/api/organisations", reader, "{\"odsCode\":\"R" + tag + "\",\"name\":\"R\",\"type\":\"PCN\"}")
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/api/staff", "Authorization", "Bearer " + reader).statusCode()).isEqualTo(403);
        assertThat(organisations.idOf("R" + tag)).isEmpty();
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String fhir(String path) {
        HttpResponse<String> response = http.get(path, "Authorization", "Bearer " + reader, "Accept", "application/fhir+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
