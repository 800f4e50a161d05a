package org.careweave.support;

import java.util.Arrays;
import java.util.List;

import org.careweave.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One staff user per role, with the organisations they work for, for tests that sign in. Inserted with SQL and
 * idempotent, so every test class sharing an application context may call {@link #ensure}. Usernames start with
 * "test-" so they never clash with the demo users the generator creates (gp, nurse, ...); switching tests to the
 * demo users only needs {@link #username(Role)} and {@link #PASSWORD} changed here.
 */
public final class TestUsers {

    /** Synthetic test password, not used anywhere real. */
    public static final String PASSWORD = "test-password-7f3a";

    public record TestUser(Role role, String username, String displayName, String organisationCode,
                           String organisationName) {
    }

    private record Org(String code, String name, String type, String parentCode, String site) {
    }

    private static final List<Org> ORGANISATIONS = List.of(
            new Org("XT0ICB", "Test Valley Integrated Care Board", "ICB", null, null),
            new Org("XT0PCN", "Test Valley Primary Care Network", "PCN", "XT0ICB", null),
            new Org("XT0GP1", "Test Millbrook Surgery", "GP_PRACTICE", "XT0PCN", "Millbrook Health Centre"),
            new Org("XT0CT1", "Test Valley Community Health Trust", "COMMUNITY_TRUST", null, "Valley Clinic"),
            new Org("XT0MH1", "Test Valley Mental Health Trust", "MENTAL_HEALTH_TRUST", null, null),
            new Org("XT0LA1", "Test Valley Borough Council", "LOCAL_AUTHORITY", null, "Civic Offices"),
            new Org("XT0VC1", "Test Valley Community Action", "VCSE", null, null));

    private static volatile String passwordHash;

    private TestUsers() {
    }

    public static List<TestUser> all() {
        return Arrays.stream(Role.values()).map(TestUsers::of).toList();
    }

    public static TestUser of(Role role) {
        String code = switch (role) {
            case GP, NURSE -> "XT0GP1";
            case SOCIAL_WORKER -> "XT0LA1";
            case CARE_COORDINATOR -> "XT0CT1";
            case LINK_WORKER -> "XT0PCN";
            case MENTAL_HEALTH_PRACTITIONER -> "XT0MH1";
            case ADMINISTRATOR, DATA_ANALYST, PRIVACY_OFFICER -> "XT0ICB";
        };
        String orgName = ORGANISATIONS.stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().name();
        return new TestUser(role, username(role), "Test " + role.label(), code, orgName);
    }

    public static String username(Role role) {
        return "test-" + role.name().toLowerCase().replace('_', '-');
    }

    /** The test GP practice's ODS code, for tests that register residents with it. */
    public static String practiceCode() {
        return "XT0GP1";
    }

    /** Inserts the test organisations and users if they are not there yet. */
    public static synchronized void ensure(JdbcClient jdbc, PasswordEncoder encoder) {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD);
        }
        ORGANISATIONS.forEach(org -> insertOrganisation(jdbc, org));
        all().forEach(user -> insertUser(jdbc, user));
    }

    /** The database id of a test organisation, after {@link #ensure}. */
    public static long organisationId(JdbcClient jdbc, String odsCode) {
        return jdbc.sql("select id from organisation where ods_code = ?").param(odsCode).query(Long.class).single();
    }

    private static void insertOrganisation(JdbcClient jdbc, Org org) {
        int inserted = jdbc.sql("""
                        insert into organisation (ods_code, name, type, parent_id)
                        values (:code, :name, :type, (select id from organisation where ods_code = :parent))
                        on conflict (ods_code) do nothing""")
                .param("code", org.code()).param("name", org.name()).param("type", org.type())
                .param("parent", org.parentCode())
                .update();
        if (inserted == 1 && org.site() != null) {
            jdbc.sql("""
                            insert into site (organisation_id, name, postcode)
                            select id, :site, null from organisation where ods_code = :code""")
                    .param("site", org.site()).param("code", org.code()).update();
        }
    }

    private static void insertUser(JdbcClient jdbc, TestUser user) {
        jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash)
                        values (:username, :name, :hash) on conflict (username) do nothing""")
                .param("username", user.username()).param("name", user.displayName()).param("hash", passwordHash)
                .update();
        jdbc.sql("""
                        insert into staff_role (user_id, organisation_id, role)
                        select u.id, o.id, :role from staff_user u, organisation o
                         where u.username = :username and o.ods_code = :code
                        on conflict do nothing""")
                .param("role", user.role().name()).param("username", user.username())
                .param("code", user.organisationCode())
                .update();
    }
}
