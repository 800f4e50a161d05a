package org.careweave.organisation;

import java.util.List;
import java.util.Optional;

import org.careweave.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and the roles they hold. */
@Service
@Transactional(readOnly = true)
public class Staff {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Staff(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Creates the user, or resets the password of the existing one, and gives them the role at the organisation.
     * Used for the first administrator of a real deployment.
     */
    @Transactional
    public long ensureUser(String username, String displayName, String password, Role role, long organisationId) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("A username is 2 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("A password must be at least 12 characters long");
        }
        long id = jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash) values (:username, :name, :hash)
                        on conflict (username) do update set password_hash = excluded.password_hash, enabled = true
                        returning id""")
                .param("username", username).param("name", displayName).param("hash", passwords.encode(password))
                .query(Long.class).single();
        jdbc.sql("""
                        insert into staff_role (user_id, organisation_id, role) values (:id, :org, :role)
                        on conflict do nothing""")
                .param("id", id).param("org", organisationId).param("role", role.name()).update();
        return id;
    }

    public Optional<StaffAccount> findAccount(String username) {
        return jdbc.sql("""
                        select id, username, display_name, password_hash, enabled
                          from staff_user where username = :username""")
                .param("username", username)
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rolesOf(rs.getLong("id"))))
                .optional();
    }

    private List<StaffAccount.RoleAt> rolesOf(long userId) {
        return jdbc.sql("""
                        select r.role, o.id, o.ods_code, o.name
                          from staff_role r join organisation o on o.id = r.organisation_id
                         where r.user_id = :id order by r.role, o.name""")
                .param("id", userId)
                .query((rs, n) -> new StaffAccount.RoleAt(Role.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }
}
