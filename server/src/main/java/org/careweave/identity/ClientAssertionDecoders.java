package org.careweave.identity;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies the signed JWT a client sends instead of a secret (SMART Backend Services): signed with one of the
 * client's registered public keys (RS384 or ES384, and the other RSA/EC algorithms), issuer and subject the client
 * id, audience the token endpoint, expiring within five minutes, and never used twice.
 */
class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Duration LONGEST_ASSERTION = Duration.ofMinutes(5);

    private final SystemClients clients;
    private final JdbcClient jdbc;

    ClientAssertionDecoders(SystemClients clients, JdbcClient jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        String keys = clients.find(client.getClientId()).map(SystemClients.Client::publicKeys)
                .orElseThrow(() -> new IllegalStateException("client has no registered public keys"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(parse(keys))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client),
                shortLived(), notReplayed(client.getClientId())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> shortLived() {
        return jwt -> jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(Instant.now().plus(LONGEST_ASSERTION).plusSeconds(30))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("The client assertion must expire within 5 minutes"));
    }

    private OAuth2TokenValidator<Jwt> notReplayed(String clientId) {
        return jwt -> {
            String jti = jwt.getId();
            if (jti == null || jti.isBlank()) {
                return OAuth2TokenValidatorResult.failure(invalid("The client assertion has no jti"));
            }
            int fresh = jdbc.sql("""
                            insert into client_assertion_use (client_id, jti, expires_at) values (:client, :jti, :exp)
                            on conflict do nothing""")
                    .param("client", clientId).param("jti", jti)
                    .param("exp", java.sql.Timestamp.from(jwt.getExpiresAt())).update();
            jdbc.sql("delete from client_assertion_use where expires_at < now() - interval '1 hour'").update();
            return fresh == 1 ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(invalid("The client assertion was already used (jti " + jti + ")"));
        };
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error("invalid_client", description, null);
    }

    private static JWKSet parse(String keys) {
        try {
            return JWKSet.parse(keys);
        } catch (ParseException e) {
            throw new IllegalStateException("stored public keys are not a JWK Set", e);
        }
    }
}
