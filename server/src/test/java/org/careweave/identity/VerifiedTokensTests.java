package org.careweave.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTests {

    private final KeyPair keys = rsa();
    private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID("k1").build())));
    private final AtomicInteger checked = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(counting());

    @Test
    void checksATokenOnceAndTrustsItUntilItExpires() throws InterruptedException {
        Instant expires = Instant.now().plusSeconds(2);
        String token = token(expires);

        assertThat(tokens.decode(token).getSubject()).isEqualTo("client-a");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("client-a");
        assertThat(checked).hasValue(1);

        Thread.sleep(Duration.between(Instant.now(), expires).toMillis() + 100);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThat(checked).hasValue(2);
    }

    @Test
    void aRefusedTokenIsCheckedAgainEveryTime() {
        String token = token(Instant.now().plusSeconds(60));
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(checked).hasValue(2);
    }

    private JwtDecoder counting() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        nimbus.setJwtValidator(new JwtTimestampValidator(Duration.ZERO));
        return token -> {
            checked.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private String token(Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("client-a").issuedAt(Instant.now()).expiresAt(expires)
                .build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
