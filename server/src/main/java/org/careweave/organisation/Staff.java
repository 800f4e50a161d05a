package org.careweave.organisation;

import java.util.List;
import java.util.Optional;

import org.careweave.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and the roles they hold. */
@Service
@Transactional(readOnly = true)
public class Staff {

    private final JdbcClient jdbc;

    Staff(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        select r.role, o.ods_code, o.name
                          from staff_role r join organisation o on o.id = r.organisation_id
                         where r.user_id = :id order by r.role, o.name""")
                .param("id", userId)
                .query((rs, n) -> new StaffAccount.RoleAt(Role.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3)))
                .list();
    }
}
