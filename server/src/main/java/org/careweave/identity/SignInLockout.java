package org.careweave.identity;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a username after repeated failed sign-ins, for a while. Unknown usernames are counted too, so the answer
 * never tells an attacker which usernames exist.
 */
@Component
@Transactional
class SignInLockout {

    private final JdbcClient jdbc;
    private final IdentitySettings settings;

    SignInLockout(JdbcClient jdbc, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    boolean isLocked(String username) {
        return jdbc.sql("select locked_until > now() from sign_in_lockout where username = :username")
                .param("username", username).query(Boolean.class).optional().orElse(false);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof String username) || username.isBlank()) {
            return;
        }
        jdbc.sql("""
                        insert into sign_in_lockout (username, failed_attempts, last_failure_at)
                        values (:username, 1, now())
                        on conflict (username) do update
                           set failed_attempts = case when sign_in_lockout.locked_until < now() then 1
                                                      else sign_in_lockout.failed_attempts + 1 end,
                               last_failure_at = now(),
                               locked_until = case when sign_in_lockout.locked_until < now() then null
                                                   else sign_in_lockout.locked_until end""")
                .param("username", username).update();
        jdbc.sql("""
                        update sign_in_lockout set locked_until = :until
                         where username = :username and failed_attempts >= :max and locked_until is null""")
                .param("until", Timestamp.from(Instant.now().plus(settings.lockout())))
                .param("username", username).param("max", settings.maxFailedSignIns()).update();
    }

    /** Only a password sign-in clears the count: bearer tokens checked on every API call are not sign-ins. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        jdbc.sql("delete from sign_in_lockout where username = :username")
                .param("username", event.getAuthentication().getName()).update();
    }
}
