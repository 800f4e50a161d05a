package org.careweave.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CareWeave trusting an external OpenID Connect provider instead of its embedded authorisation server. The provider
 * here is a real HTTP server publishing a discovery document and signing keys; tokens are real signed JWTs.
 */
@CareWeaveTest
class ExternalIdentityProviderIntegrationTests {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider");
    private static final RSAKey STRANGER_KEY = rsaKey("stranger");
    private static final HttpServer PROVIDER = provider();
    private static final String ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/ics";

    @DynamicPropertySource
    static void trustTheProvider(DynamicPropertyRegistry registry) {
        registry.add("careweave.security.oidc-issuer-uri", () -> ISSUER);
        registry.add("careweave.security.oidc-audience", () -> "careweave");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String practice;
    long ownPatient;
    long otherPatient;

    @BeforeEach
    void patients() {
        var row = jdbc.sql("""
                        select o.ods_code, p.id from person p join organisation o on o.id = p.registered_practice_id
                         order by p.id limit 1""").query().singleRow();
        practice = (String) row.get("ods_code");
        ownPatient = ((Number) row.get("id")).longValue();
        otherPatient = jdbc.sql("""
                        select p.id from person p join organisation o on o.id = p.registered_practice_id
                         where o.ods_code <> :practice order by p.id limit 1""")
                .param("practice", practice).query(Long.class).single();
    }

    @Test
    void aTokenFromTheProviderActsForItsOrganisationAndRolesUnderTheSamePolicy() {
        String token = token(PROVIDER_KEY, ISSUER, "careweave", Instant.now().plusSeconds(300), List.of("GP"));

        assertThat(get("/fhir/Patient/" + ownPatient, token).statusCode()).isEqualTo(200);
        assertThat(get("/fhir/Patient/" + otherPatient, token).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenIsReadAsAPartnerSystemOnlyWhenItNamesNoRole() {
        Instant later = Instant.now().plusSeconds(300);
        String analyst = token(PROVIDER_KEY, ISSUER, "careweave", later, List.of("DATA_ANALYST"));
        String system = token(PROVIDER_KEY, ISSUER, "careweave", later, List.of());

        assertThat(get("/fhir/Patient/" + ownPatient, system).statusCode()).isEqualTo(200);
        assertThat(get("/fhir/Patient/" + ownPatient, analyst).statusCode()).isEqualTo(403);
        assertThat(get("/fhir/Condition?patient=" + ownPatient, analyst).statusCode()).isEqualTo(403);

        HttpResponse<String> unknownRole = get("/fhir/Patient/" + ownPatient,
                token(PROVIDER_KEY, ISSUER, "careweave", later, List.of("WIZARD")));
        assertThat(unknownRole.statusCode()).isEqualTo(401);
        assertThat(unknownRole.body()).contains("OperationOutcome").contains("names no CareWeave role (WIZARD)");
    }

    @Test
    void tokensTheProviderDidNotIssueForUsAreRefused() {
        Instant later = Instant.now().plusSeconds(300);
        assertThat(get("/fhir/Patient/" + ownPatient,
                token(STRANGER_KEY, ISSUER, "careweave", later, List.of("GP"))).statusCode())
                .as("signed with a key the provider does not publish").isEqualTo(401);
        assertThat(get("/fhir/Patient/" + ownPatient,
                token(PROVIDER_KEY, "http://127.0.0.1:1/elsewhere", "careweave", later, List.of("GP"))).statusCode())
                .as("another issuer").isEqualTo(401);
        assertThat(get("/fhir/Patient/" + ownPatient,
                token(PROVIDER_KEY, ISSUER, "another-app", later, List.of("GP"))).statusCode())
                .as("another audience").isEqualTo(401);
        assertThat(get("/fhir/Patient/" + ownPatient,
                token(PROVIDER_KEY, ISSUER, "careweave", Instant.now().minusSeconds(600), List.of("GP"))).statusCode())
                .as("expired").isEqualTo(401);
    }

    @Test
    void theEmbeddedAuthorisationServerIsSwitchedOff() {
        HttpResponse<String> response = new Http(port).send(java.net.http.HttpRequest.newBuilder()
                .uri(java.net.URI.create(new Http(port).url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("access_token");
    }

    private HttpResponse<String> get(String path, String token) {
        return new Http(port).fhirGet(path, token);
    }

    private String token(RSAKey key, String issuer, String audience, Instant expires, List<String> roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject("dr-external").audience(audience)
                            .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires))
                            .claim("org", practice).claim("roles", roles).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an OpenID discovery document and the provider's public key, as Keycloak or Entra ID would. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ics";
            server.createContext("/realms/ics/.well-known/openid-configuration", exchange -> respond(exchange, """
                    {"issuer": "%s", "jwks_uri": "%s/keys", "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"], "response_types_supported": ["code"],
                     "authorization_endpoint": "%s/auth", "token_endpoint": "%s/token"}"""
                    .formatted(base, base, base, base)));
            server.createContext("/realms/ics/keys", exchange -> respond(exchange,
                    new JWKSet(PROVIDER_KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
