package org.careweave.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CareWeaveTest
class TokenEndpointIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SystemClients clients;

    @Autowired
    JdbcClient jdbc;

    Http http;
    long organisation;
    String tag;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 8);
        organisation = jdbc.sql("""
                        insert into organisation (ods_code, name, type) values (:code, 'Token Test Trust', 'ACUTE_TRUST')
                        returning id""")
                .param("code", "TK" + tag).query(Long.class).single();
    }

    @Test
    void clientWithSecretGetsATokenThatOpensTheApi() {
        clients.register("hospital-" + tag, organisation, "a-long-enough-secret", null, false);

        HttpResponse<String> response = tokenWithSecret("hospital-" + tag, "a-long-enough-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":299");
        String token = field(response.body(), "access_token");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"org\":\"TK" + tag + "\"").contains("\"sub\":\"hospital-" + tag + "\"");
        assertThat(http.get("/fhir/Patient", "Authorization", "Bearer " + token).statusCode()).isNotEqualTo(401);
    }

    @Test
    void callsWithATokenAreNotSignInsAndLeaveTheSignInCountsAlone() {
        String client = "hospital-" + tag;
        clients.register(client, organisation, "a-long-enough-secret", null, false);
        jdbc.sql("insert into sign_in_lockout (username, failed_attempts, last_failure_at) values (:u, 2, now())")
                .param("u", client).update();
        String token = field(tokenWithSecret(client, "a-long-enough-secret").body(), "access_token");

        assertThat(http.get("/fhir/Patient", "Authorization", "Bearer " + token).statusCode()).isNotEqualTo(401);
        assertThat(http.get("/fhir/Patient", "Authorization", "Bearer " + token).statusCode()).isNotEqualTo(401);

        assertThat(jdbc.sql("select failed_attempts from sign_in_lockout where username = :u").param("u", client)
                .query(Integer.class).optional()).contains(2);
    }

    @Test
    void wrongSecretIsRefused() {
        clients.register("hospital-" + tag, organisation, "a-long-enough-secret", null, false);

        HttpResponse<String> response = tokenWithSecret("hospital-" + tag, "not-the-secret-at-all");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void signedAssertionGetsATokenOnceAndReplayIsRefused() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        clients.register("backend-" + tag, organisation, null, new JWKSet(key.toPublicJWK()).toString(), false);
        String assertion = assertion(key, "backend-" + tag, http.url("/oauth2/token"));

        HttpResponse<String> first = tokenWithAssertion(assertion);
        HttpResponse<String> replay = tokenWithAssertion(assertion);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("access_token");
        assertThat(replay.statusCode()).isEqualTo(401);
    }

    @Test
    void assertionSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey registered = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        clients.register("backend-" + tag, organisation, null, new JWKSet(registered.toPublicJWK()).toString(), false);

        HttpResponse<String> response = tokenWithAssertion(assertion(other, "backend-" + tag, http.url("/oauth2/token")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void registrationRefusesPrivateKeysShortSecretsAndOddIds() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();

        assertThatThrownBy(() -> clients.register("backend-" + tag, organisation, null,
                new JWKSet(key).toString(false), false)).hasMessageContaining("private key");
        assertThatThrownBy(() -> clients.register("c-" + tag, organisation, "short", null, false))
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> clients.register("bad id!", organisation, "a-long-enough-secret", null, false))
                .hasMessageContaining("client id");
        assertThatThrownBy(() -> clients.register("c-" + tag, organisation, null, "{not json", false))
                .hasMessageContaining("not a valid JWK Set");
        assertThat(clients.find("c-" + tag)).isEmpty();
    }

    @Test
    void malformedOrForgedTokensGetAFhirOperationOutcome() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(),
                new JWTClaimsSet.Builder().subject("someone").expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        forged.sign(new RSASSASigner(forger));

        for (String token : new String[] {"not-a-token", forged.serialize()}) {
            HttpResponse<String> response = http.get("/fhir/Patient", "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"login\"");
        }
    }

    private HttpResponse<String> tokenWithSecret(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(http.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    private HttpResponse<String> tokenWithAssertion(String assertion) {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=" + assertion;
        return http.send(HttpRequest.newBuilder(URI.create(http.url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static String assertion(RSAKey key, String clientId, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                        .jwtID(UUID.randomUUID().toString())
                        .expirationTime(new Date(System.currentTimeMillis() + 240_000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
