package org.careweave.access;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legitimate relationships between staff, teams or organisations and a person. Features that create them (care
 * teams, caseloads, referrals) start and end them here so the policy has one source of truth.
 */
@Service
@Transactional
public class CareRelationships {

    /** Whose relationship it is: exactly one of a user, a team or an organisation. */
    public record Holder(Long userId, Long teamId, Long organisationId) {

        public Holder {
            int given = (userId == null ? 0 : 1) + (teamId == null ? 0 : 1) + (organisationId == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("A relationship is held by exactly one user, team or organisation");
            }
        }

        public static Holder user(long id) {
            return new Holder(id, null, null);
        }

        public static Holder team(long id) {
            return new Holder(null, id, null);
        }

        public static Holder organisation(long id) {
            return new Holder(null, null, id);
        }
    }

    public enum Kind { CARE_TEAM, CASELOAD, REFERRAL }

    private final JdbcClient jdbc;

    CareRelationships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a relationship now and returns its id. */
    public long start(long personId, Kind kind, Holder holder) {
        return jdbc.sql("""
                        insert into care_relationship (person_id, kind, user_id, team_id, organisation_id)
                        values (:person, :kind, :user, :team, :org) returning id""")
                .param("person", personId).param("kind", kind.name())
                .param("user", holder.userId()).param("team", holder.teamId()).param("org", holder.organisationId())
                .query(Long.class).single();
    }

    /** Who holds an active relationship of this kind with the person now, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<Holder> activeHolders(long personId, Kind kind) {
        return jdbc.sql("""
                        select user_id, team_id, organisation_id from care_relationship
                         where person_id = :person and kind = :kind
                           and starts_at <= now() and (ends_at is null or ends_at > now())
                         order by starts_at, id""")
                .param("person", personId).param("kind", kind.name())
                .query((rs, n) -> new Holder(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class)))
                .list();
    }

    /** Ends a relationship; ending one that has already ended changes nothing. */
    public void end(long relationshipId, Instant at) {
        jdbc.sql("update care_relationship set ends_at = :at where id = :id and ends_at is null and starts_at < :at")
                .param("at", java.sql.Timestamp.from(at)).param("id", relationshipId).update();
    }
}
