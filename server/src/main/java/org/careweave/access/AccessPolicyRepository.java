package org.careweave.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads everything one access decision needs in a single round trip, through the {@code access_facts} function. */
@Repository
class AccessPolicyRepository {

    private static final String FACTS = "select * from access_facts(:person, :user, :org)";

    private final JdbcClient jdbc;

    AccessPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccessFacts facts(Long userId, long organisationId, long personId) {
        return jdbc.sql(FACTS)
                .param("person", personId)
                .param("user", userId == null ? -1L : userId)
                .param("org", organisationId)
                .query((rs, row) -> toFacts(rs))
                .single();
    }

    static AccessFacts toFacts(ResultSet rs) throws SQLException {
        String relationship = rs.getString("relationship");
        if (relationship == null) {
            relationship = rs.getString("registered");
        }
        Set<Long> objectedOrganisations = new HashSet<>();
        Set<DataCategory> objectedCategories = new HashSet<>();
        Set<DataCategory> permitted = new HashSet<>();
        for (String consent : strings(rs.getArray("consents"))) {
            int colon = consent.indexOf(':');
            String value = consent.substring(colon + 1);
            switch (consent.substring(0, colon)) {
                case "OBJECT_ORGANISATION" -> objectedOrganisations.add(Long.parseLong(value));
                case "OBJECT_CATEGORY" -> objectedCategories.add(DataCategory.valueOf(value));
                case "PERMIT_SENSITIVE" -> permitted.add(DataCategory.valueOf(value));
                default -> throw new IllegalStateException("unknown consent kind in " + consent);
            }
        }
        return new AccessFacts(relationship, rs.getBoolean("break_glass"), rs.getLong("agreements_version"), objectedOrganisations,
                objectedCategories, permitted);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /**
     * GP practices whose registered patients this user may case-find for: the practice they act for, and the
     * practices a neighbourhood team they belong to covers (the team's lead organisation, or its practices when
     * that is a primary care network).
     */
    Set<Long> caseFindingPractices(long userId, long organisationId) {
        return new HashSet<>(jdbc.sql("""
                        with covered as (
                            select t.lead_organisation_id as id from team t join team_member m on m.team_id = t.id
                             where m.user_id = :user and t.kind = 'NEIGHBOURHOOD_TEAM'
                            union select :org)
                        select o.id from organisation o
                         where o.type = 'GP_PRACTICE'
                           and (o.id in (select id from covered) or o.parent_id in (select id from covered))""")
                .param("user", userId).param("org", organisationId).query(Long.class).list());
    }

    /** The person's registered practice, or null (unknown person or none recorded). */
    Long registeredPractice(long personId) {
        return jdbc.sql("select registered_practice_id from person where id = :person").param("person", personId)
                .query((rs, row) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
    }
}
