package org.careweave.identity;

import java.text.ParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems allowed to call the APIs, each acting for one organisation. A client proves who it is with a secret
 * (client_secret_basic) or with JWTs signed by a key whose public half it registered (private_key_jwt).
 */
@Service
@Transactional
public class SystemClients {

    /** A registered client, without its secret. */
    public record Client(long id, String clientId, long organisationId, String organisationCode, boolean hasSecret,
                         String publicKeys, boolean administrator, boolean enabled) {
    }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    SystemClients(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Registers a client, or updates the one with this id.
     *
     * @param secret     null when the client authenticates only with signed assertions; at least 16 characters
     * @param publicKeys a JWK Set (JSON) of public keys for private_key_jwt, or null
     */
    public long register(String clientId, long organisationId, String secret, String publicKeys,
                         boolean administrator) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("A client id is 3 to 64 letters, digits, '.', '_' or '-'");
        }
        if (secret == null && publicKeys == null) {
            throw new IllegalArgumentException("Give the client a secret or a set of public keys, or both");
        }
        if (secret != null && secret.length() < 16) {
            throw new IllegalArgumentException("A client secret must be at least 16 characters long");
        }
        String keys = publicKeys == null ? null : publicKeySet(publicKeys);
        return jdbc.sql("""
                        insert into system_client (client_id, organisation_id, secret_hash, jwks, administrator)
                        values (:clientId, :org, :secret, cast(:jwks as jsonb), :admin)
                        on conflict (client_id) do update
                           set organisation_id = excluded.organisation_id, secret_hash = excluded.secret_hash,
                               jwks = excluded.jwks, administrator = excluded.administrator, enabled = true
                        returning id""")
                .param("clientId", clientId).param("org", organisationId)
                .param("secret", secret == null ? null : passwords.encode(secret))
                .param("jwks", keys).param("admin", administrator)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Client> find(String clientId) {
        return jdbc.sql(SELECT + " where c.client_id = :clientId").param("clientId", clientId)
                .query(SystemClients::client).optional();
    }

    @Transactional(readOnly = true)
    Optional<Client> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(SystemClients::client).optional();
    }

    private static final String SELECT = """
            select c.id, c.client_id, c.organisation_id, o.ods_code, c.secret_hash is not null, c.jwks::text,
                   c.administrator, c.enabled
              from system_client c join organisation o on o.id = c.organisation_id""";

    private static Client client(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Client(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getBoolean(7), rs.getBoolean(8));
    }

    /** The stored secret hash, for the token endpoint only. */
    Optional<String> secretHash(String clientId) {
        return jdbc.sql("select secret_hash from system_client where client_id = :clientId and secret_hash is not null")
                .param("clientId", clientId).query(String.class).optional();
    }

    /** Checks that the text is a JWK Set of public keys only, and returns it as stored. */
    private static String publicKeySet(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The public keys are not a valid JWK Set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("The JWK Set holds no keys");
        }
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                throw new IllegalArgumentException("The JWK Set holds a private key (" + key.getKeyID()
                        + "); register public keys only");
            }
        }
        return set.toString(true);
    }
}
