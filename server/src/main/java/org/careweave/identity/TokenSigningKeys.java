package org.careweave.identity;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA key that signs CareWeave's access tokens. It lives in the database so every node signs and verifies with
 * the same key; the first node to start creates it.
 */
class TokenSigningKeys {

    private final JdbcClient jdbc;

    TokenSigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    JWKSet load() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('careweave.token_signing_key'))").query(Object.class).list();
        List<String> stored = jdbc.sql("select jwk from token_signing_key order by created_at desc")
                .query(String.class).list();
        if (stored.isEmpty()) {
            RSAKey key = generate();
            jdbc.sql("insert into token_signing_key (kid, jwk) values (:kid, :jwk)")
                    .param("kid", key.getKeyID()).param("jwk", key.toJSONString()).update();
            return new JWKSet(key);
        }
        return new JWKSet(stored.stream().map(TokenSigningKeys::parse).toList());
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the token signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored token signing key is not a valid JWK", e);
        }
    }
}
