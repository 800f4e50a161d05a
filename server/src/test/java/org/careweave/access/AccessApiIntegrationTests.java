package org.careweave.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent and sharing-agreement REST API over real HTTP with bearer tokens. */
@CareWeaveTest
class AccessApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    Http http;
    AccessFixture fixture;
    String tag;
    long practice;
    long hospital;
    String practiceCode;
    String hospitalCode;
    String adminToken;
    String practiceToken;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        fixture = new AccessFixture(jdbc);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = fixture.organisation("GP_PRACTICE");
        hospital = fixture.organisation("ACUTE_TRUST");
        practiceCode = code(practice);
        hospitalCode = code(hospital);
        clients.register("admin-" + tag, hospital, "admin-client-secret-1", null, true);
        clients.register("gp-" + tag, practice, "gp-client-secret-123", null, false);
        adminToken = Tokens.clientCredentials(http, "admin-" + tag, "admin-client-secret-1");
        practiceToken = Tokens.clientCredentials(http, "gp-" + tag, "gp-client-secret-123");
    }

    @Test
    void administratorCreatesAgreementsAndOverlapsAreRefused() {
        String body = "{\"provider\":\"" + hospitalCode + "\",\"recipient\":\"" + practiceCode
                + "\",\"category\":\"problems\",\"startsOn\":\"2026-01-01\"}";

        HttpResponse<String> created = post("/api/sharing-agreements", adminToken, body);
        HttpResponse<String> overlapping = post("/api/sharing-agreements", adminToken, body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"category\":\"PROBLEMS\"");
        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body()).contains("overlaps sharing agreement").contains("CW-400");
    }

    @Test
    void onlyAdministratorsCreateAgreements() {
        String body = "{\"provider\":\"" + hospitalCode + "\",\"recipient\":\"" + practiceCode
                + "\",\"category\":\"PROBLEMS\",\"startsOn\":\"2026-01-01\"}";

        assertThat(post("/api/sharing-agreements", practiceToken, body).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from sharing_agreement where recipient_org_id = :p").param("p", practice)
                .query(Long.class).single()).isZero();
    }

    @Test
    void badAgreementInputGetsAPreciseMessage() {
        HttpResponse<String> unknownCategory = post("/api/sharing-agreements", adminToken, "{\"provider\":\""
                + hospitalCode + "\",\"recipient\":\"" + practiceCode + "\",\"category\":\"gossip\",\"startsOn\":\"2026-01-01\"}");
        HttpResponse<String> unknownOrganisation = post("/api/sharing-agreements", adminToken,
                "{\"provider\":\"NOPE1\",\"recipient\":\"" + practiceCode + "\",\"category\":\"PROBLEMS\",\"startsOn\":\"2026-01-01\"}");
        HttpResponse<String> malformed = post("/api/sharing-agreements", adminToken, "{\"provider\":");
        HttpResponse<String> missingDate = post("/api/sharing-agreements", adminToken, "{\"provider\":\""
                + hospitalCode + "\",\"recipient\":\"" + practiceCode + "\",\"category\":\"PROBLEMS\"}");

        assertThat(unknownCategory.body()).contains("Unknown data category 'gossip'");
        assertThat(unknownOrganisation.body()).contains("No organisation has code NOPE1");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("CW-400-BODY").contains("(line 1, column 13)")
                .doesNotContain("REDACTED");
        assertThat(missingDate.body()).contains("startsOn");
        HttpResponse<String> wrongType = post("/api/sharing-agreements", adminToken, "{\"provider\":[1]}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("(field provider)").doesNotContain("REDACTED");
    }

    @Test
    void consentIsRecordedAndWithdrawnByThoseCaringForThePerson() {
        long person = fixture.person(null);
        String objection = "{\"kind\":\"OBJECT_ORGANISATION\",\"organisation\":\"" + hospitalCode + "\",\"note\":\"asked at review\"}";

        assertThat(post("/api/people/" + person + "/consents", practiceToken, objection).statusCode()).isEqualTo(403);
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        HttpResponse<String> recorded = post("/api/people/" + person + "/consents", practiceToken, objection);

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body()).contains("\"recordedBy\":\"gp-" + tag + "\"").contains("OBJECT_ORGANISATION");
        long id = jdbc.sql("select id from consent_directive where person_id = :p").param("p", person)
                .query(Long.class).single();
        HttpResponse<String> withdrawn = post("/api/people/" + person + "/consents/" + id + "/withdrawal", practiceToken, "");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"withdrawnBy\":\"gp-" + tag + "\"");
        assertThat(post("/api/people/" + person + "/consents/" + id + "/withdrawal", practiceToken, "").body())
                .contains("That sharing choice was already withdrawn");
    }

    @Test
    void permissionsAreOnlyForSensitiveCategories() {
        long person = fixture.person(practice);

        HttpResponse<String> response = post("/api/people/" + person + "/consents", practiceToken,
                "{\"kind\":\"PERMIT_SENSITIVE\",\"category\":\"MEDICATIONS\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a sensitive category");
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String code(long organisation) {
        return jdbc.sql("select ods_code from organisation where id = :id").param("id", organisation)
                .query(String.class).single();
    }
}
