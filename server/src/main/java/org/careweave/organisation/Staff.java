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
        requireOrganisation(organisationId);
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

    /** Every member of staff with their roles, in two queries however many there are. */
    public List<StaffMember> all() {
        java.util.Map<Long, List<StaffAccount.RoleAt>> roles = new java.util.HashMap<>();
        jdbc.sql("""
                        select r.user_id, r.role, o.id, o.ods_code, o.name
                          from staff_role r join organisation o on o.id = r.organisation_id
                         order by r.role, o.name""")
                .query((java.sql.ResultSet rs) -> {
                    roles.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>()).add(new StaffAccount.RoleAt(
                            Role.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4), rs.getString(5)));
                });
        return jdbc.sql("select id, username, display_name, enabled from staff_user order by display_name, username")
                .query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        roles.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    public Optional<StaffMember> member(long id) {
        return jdbc.sql("select id, username, display_name, enabled from staff_user where id = :id").param("id", id)
                .query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rolesOf(rs.getLong(1))))
                .optional();
    }

    /** Adds a new member of staff with one role; refuses a username already in use. */
    @Transactional
    public long create(String username, String displayName, String password, Role role, long organisationId) {
        if (jdbc.sql("select count(*) from staff_user where username = :u").param("u", username)
                .query(Long.class).single() > 0) {
            throw new IllegalArgumentException("Username " + username + " is already in use");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Give the member of staff a display name");
        }
        return ensureUser(username, displayName.strip(), password, role, organisationId);
    }

    @Transactional
    public void grantRole(long userId, Role role, long organisationId) {
        requireMember(userId);
        requireOrganisation(organisationId);
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:id, :org, :role) on conflict do nothing")
                .param("id", userId).param("org", organisationId).param("role", role.name()).update();
    }

    @Transactional
    public void revokeRole(long userId, Role role, long organisationId) {
        requireMember(userId);
        jdbc.sql("delete from staff_role where user_id = :id and organisation_id = :org and role = :role")
                .param("id", userId).param("org", organisationId).param("role", role.name()).update();
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        requireMember(userId);
        jdbc.sql("update staff_user set enabled = :enabled where id = :id")
                .param("enabled", enabled).param("id", userId).update();
    }

    private void requireOrganisation(long organisationId) {
        if (jdbc.sql("select count(*) from organisation where id = :id").param("id", organisationId)
                .query(Long.class).single() == 0) {
            throw new IllegalArgumentException("No organisation with id " + organisationId);
        }
    }

    private void requireMember(long userId) {
        if (member(userId).isEmpty()) {
            throw new IllegalArgumentException("No member of staff with id " + userId);
        }
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

    /** Enabled demo accounts (published passwords) with their roles, for the sign-in page's demo hint. */
    public List<DemoUser> demoUsers() {
        return jdbc.sql("""
                        select u.username, u.display_name,
                               coalesce(array_agg(distinct r.role order by r.role)
                                        filter (where r.role is not null), '{}') as roles
                          from staff_user u left join staff_role r on r.user_id = u.id
                         where u.demo and u.enabled
                         group by u.id order by u.username""")
                .query((rs, n) -> new DemoUser(rs.getString(1), rs.getString(2),
                        java.util.Arrays.stream((String[]) rs.getArray(3).getArray()).map(Role::valueOf).toList()))
                .list();
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
