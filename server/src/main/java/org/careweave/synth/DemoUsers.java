package org.careweave.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.careweave.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One demo account per role, each with a published password ("demo-" + username + "-2026"), held at a sensible
 * organisation. The clinicians, social worker and coordinator are members of the neighbourhood team; those who
 * attend case reviews are also in the MDT. Existing usernames are left alone.
 */
final class DemoUsers {

    record DemoUser(String username, String displayName, Role role, ToLongFunction<NeighbourhoodIds> organisation,
                    boolean neighbourhoodTeam, boolean mdt) {

        String password() {
            return "demo-" + username + "-2026";
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("gp", "Dr Amira Shah", Role.GP, ids -> ids.practices()[0], true, true),
            new DemoUser("nurse", "Grace Okafor", Role.NURSE, NeighbourhoodIds::communityTrust, true, true),
            new DemoUser("socialworker", "Tom Fletcher", Role.SOCIAL_WORKER, NeighbourhoodIds::council, true, true),
            new DemoUser("coordinator", "Priya Nair", Role.CARE_COORDINATOR, NeighbourhoodIds::pcn, true, true),
            new DemoUser("linkworker", "Sam Whitfield", Role.LINK_WORKER, NeighbourhoodIds::pcn, true, false),
            new DemoUser("mhpractitioner", "Jordan Ellis", Role.MENTAL_HEALTH_PRACTITIONER,
                    NeighbourhoodIds::mentalHealthTrust, true, true),
            new DemoUser("admin", "Alex Morgan", Role.ADMINISTRATOR, NeighbourhoodIds::icb, false, false),
            new DemoUser("analyst", "Chris Lowe", Role.DATA_ANALYST, NeighbourhoodIds::icb, false, false),
            new DemoUser("privacy", "Pat Ndlovu", Role.PRIVACY_OFFICER, NeighbourhoodIds::icb, false, false));

    static {
        Map<Role, DemoUser> byRole = new EnumMap<>(Role.class);
        USERS.forEach(user -> byRole.put(user.role(), user));
        for (Role role : Role.values()) {
            if (!byRole.containsKey(role)) {
                throw new IllegalStateException("No demo user for role " + role + ": add one to DemoUsers.USERS");
            }
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    DemoUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the missing demo users; returns how many were created. */
    int ensure(NeighbourhoodIds ids) {
        int created = 0;
        for (DemoUser user : USERS) {
            boolean exists = jdbc.sql("select count(*) from staff_user where username = :u")
                    .param("u", user.username()).query(Long.class).single() > 0;
            if (!exists) {
                create(user, ids);
                created++;
            }
        }
        return created;
    }

    private void create(DemoUser user, NeighbourhoodIds ids) {
        long id = jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, demo)
                        values (:username, :name, :hash, true) returning id""")
                .param("username", user.username()).param("name", user.displayName())
                .param("hash", passwords.encode(user.password()))
                .query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:user, :org, :role)")
                .param("user", id).param("org", user.organisation().applyAsLong(ids)).param("role", user.role().name())
                .update();
        if (user.neighbourhoodTeam()) {
            member(ids.neighbourhoodTeam(), id);
        }
        if (user.mdt()) {
            member(ids.mdt(), id);
        }
    }

    private void member(long team, long user) {
        jdbc.sql("insert into team_member (team_id, user_id) values (:team, :user)")
                .param("team", team).param("user", user).update();
    }
}
