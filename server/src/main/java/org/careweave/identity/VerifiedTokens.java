package org.careweave.identity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each bearer token's signature and claims once, then trusts the same token until it expires. A client sends
 * the same token on every call for its lifetime, and checking it again (parsing the key, verifying the RSA
 * signature, converting the claims) cost a few percent of each FHIR read. Only tokens the delegate accepted are kept,
 * only until their {@code exp} (after it the delegate decides again, by its own rules), and at most {@link #MAX}.
 */
final class VerifiedTokens implements JwtDecoder {

    private static final int MAX = 10_000;

    private final JwtDecoder delegate;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = Instant.now();
        Jwt known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (verified.size() >= MAX) {
                verified.values().removeIf(kept -> !now.isBefore(kept.getExpiresAt()));
                if (verified.size() >= MAX) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
