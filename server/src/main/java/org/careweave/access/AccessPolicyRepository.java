package org.careweave.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads everything one access decision needs in a single round trip. */
@Repository
class AccessPolicyRepository {

    /** The raw facts behind a decision. {@code relationship} is null when there is none. */
    record Facts(String relationship, boolean breakGlass, Map<Long, Set<DataCategory>> agreements,
                 Set<Long> objectedOrganisations, Set<DataCategory> objectedCategories,
                 Set<DataCategory> permittedSensitive) {
    }

    // The registered practice is read from the person index rather than copied into care_relationship,
    // so a change of registration needs no second write.
    private static final String FACTS = """
            select
              (select cr.kind from care_relationship cr
                where cr.person_id = :person and cr.starts_at <= now() and (cr.ends_at is null or cr.ends_at > now())
                  and (cr.user_id = :user or cr.organisation_id = :org
                       or cr.team_id in (select tm.team_id from team_member tm where tm.user_id = :user))
                order by cr.kind limit 1) as relationship,
              (select 'REGISTERED_PRACTICE' from person p where p.id = :person and p.registered_practice_id = :org)
                as registered,
              exists (select 1 from break_glass bg
                       where bg.user_id = :user and bg.person_id = :person
                         and bg.started_at <= now() and bg.expires_at > now()) as break_glass,
              array(select sa.provider_org_id || ':' || sa.category from sharing_agreement sa
                     where sa.recipient_org_id = :org and sa.starts_on <= current_date
                       and (sa.ends_on is null or sa.ends_on > current_date)) as agreements,
              array(select cd.kind || ':' || coalesce(cd.organisation_id::text, cd.category) from consent_directive cd
                     where cd.person_id = :person and cd.withdrawn_at is null) as consents
            """;

    private final JdbcClient jdbc;

    AccessPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Facts facts(Long userId, long organisationId, long personId) {
        return jdbc.sql(FACTS)
                .param("person", personId)
                .param("user", userId == null ? -1L : userId)
                .param("org", organisationId)
                .query(AccessPolicyRepository::toFacts)
                .single();
    }

    private static Facts toFacts(ResultSet rs, int row) throws SQLException {
        String relationship = rs.getString("relationship");
        if (relationship == null) {
            relationship = rs.getString("registered");
        }
        Map<Long, Set<DataCategory>> agreements = new HashMap<>();
        for (String pair : strings(rs.getArray("agreements"))) {
            int colon = pair.indexOf(':');
            agreements.computeIfAbsent(Long.parseLong(pair.substring(0, colon)), k -> new HashSet<>())
                    .add(DataCategory.valueOf(pair.substring(colon + 1)));
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
        return new Facts(relationship, rs.getBoolean("break_glass"), agreements, objectedOrganisations,
                objectedCategories, permitted);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
