package org.careweave.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and token settings.
 *
 * @param tokenLifetime     how long an access token from the embedded server is valid (SMART: at most 5 minutes)
 * @param maxFailedSignIns  failed sign-ins in a row that lock a username
 * @param lockout           how long a locked username stays locked
 * @param oidcIssuerUri     when set, trust bearer tokens from this OpenID Connect provider instead of the embedded
 *                          authorisation server, which is then switched off
 * @param oidcAudience      when set with {@code oidcIssuerUri}, tokens must name this audience ({@code aud})
 * @param organisationClaim claim that names the caller's organisation (ODS code) in bearer tokens
 * @param rolesClaim        claim that lists the caller's CareWeave roles in bearer tokens
 */
@ConfigurationProperties("careweave.security")
record IdentitySettings(@DefaultValue("5m") Duration tokenLifetime,
                        @DefaultValue("5") int maxFailedSignIns,
                        @DefaultValue("15m") Duration lockout,
                        @DefaultValue("") String oidcIssuerUri,
                        @DefaultValue("") String oidcAudience,
                        @DefaultValue("org") String organisationClaim,
                        @DefaultValue("roles") String rolesClaim) {

    IdentitySettings {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("careweave.security.max-failed-sign-ins must be at least 1");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("careweave.security.token-lifetime must be between 1 second and 1 hour");
        }
    }

    boolean externalProvider() {
        return !oidcIssuerUri.isBlank();
    }
}
