package org.careweave.access;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts the organisations, staff, teams and people an access test needs, with names no other test uses. */
final class AccessFixture {

    private final JdbcClient jdbc;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    AccessFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long organisation(String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:code, :name, :type) returning id")
                .param("code", "T" + tag + type.hashCode() + System.nanoTime())
                .param("name", "Test " + type + " " + tag).param("type", type)
                .query(Long.class).single();
    }

    long user(String name) {
        return jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash)
                        values (:username, :name, '{noop}unused') returning id""")
                .param("username", name + "-" + tag + "-" + System.nanoTime()).param("name", name)
                .query(Long.class).single();
    }

    long team(long leadOrganisation, long... members) {
        long team = jdbc.sql("""
                        insert into team (name, kind, lead_organisation_id)
                        values (:name, 'NEIGHBOURHOOD_TEAM', :org) returning id""")
                .param("name", "Team " + tag + " " + System.nanoTime()).param("org", leadOrganisation)
                .query(Long.class).single();
        for (long member : members) {
            jdbc.sql("insert into team_member (team_id, user_id) values (:team, :user)")
                    .param("team", team).param("user", member).update();
        }
        return team;
    }

    long person(Long registeredPractice) {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id)
                        values ('Test', 'Person', date '1940-01-01', 'female', :practice) returning id""")
                .param("practice", registeredPractice)
                .query(Long.class).single();
    }
}
