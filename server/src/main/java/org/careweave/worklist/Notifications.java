package org.careweave.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.careweave.adt.HospitalMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The worklist's notifications: written once per addressee, listed, acknowledged. */
@Service
@Transactional
public class Notifications {

    private static final String SELECT = """
            select id, person_id, movement, hospital_org_id, encounter_item_id, occurred_at, patient_class, ward,
                   disposition, user_id, team_id, reason, created_at, acknowledged_at, acknowledged_by
              from worklist_notification""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one notification per recipient in one statement; a movement already notified is not notified again. */
    int record(HospitalMovement movement, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into worklist_notification (person_id, movement, hospital_org_id, encounter_item_id,
                                                           occurred_at, patient_class, ward, disposition,
                                                           user_id, team_id, reason, subscription_id)
                        select :person, :movement, :hospital, :encounter, :at, :class, :ward, :disposition,
                               r.user_id, r.team_id, r.reason, r.subscription_id
                          from unnest(:users::bigint[], :teams::bigint[], :reasons::text[], :subscriptions::bigint[])
                               as r (user_id, team_id, reason, subscription_id)
                        on conflict do nothing""")
                .param("person", movement.personId()).param("movement", movement.kind().name())
                .param("hospital", movement.hospitalOrganisationId()).param("encounter", movement.encounterItemId())
                .param("at", Timestamp.from(movement.occurredAt())).param("class", movement.patientClass())
                .param("ward", movement.ward()).param("disposition", movement.dischargeDisposition())
                .param("users", recipients.stream().map(Recipient::userId).toArray(Long[]::new))
                .param("teams", recipients.stream().map(Recipient::teamId).toArray(Long[]::new))
                .param("reasons", recipients.stream().map(r -> r.reason().name()).toArray(String[]::new))
                .param("subscriptions", recipients.stream().map(Recipient::subscriptionId).toArray(Long[]::new))
                .update();
    }

    /** Addressed to the user by name, unacknowledged first, then newest first. */
    @Transactional(readOnly = true)
    public List<WorklistNotification> forUser(long userId, int limit) {
        return jdbc.sql(SELECT + " where user_id = :user order by acknowledged_at is not null, created_at desc, id desc limit :limit")
                .param("user", userId).param("limit", limit).query(Notifications::notification).list();
    }

    /** Addressed to any of the teams, unacknowledged first, then newest first. */
    @Transactional(readOnly = true)
    public List<WorklistNotification> forTeams(Collection<Long> teamIds, int limit) {
        return jdbc.sql(SELECT + " where team_id = any(:teams) order by acknowledged_at is not null, created_at desc, id desc limit :limit")
                .param("teams", teamIds.toArray(Long[]::new)).param("limit", limit)
                .query(Notifications::notification).list();
    }

    /**
     * Marks a notification addressed to the user or one of their teams as seen; acknowledging it again changes
     * nothing.
     *
     * @throws NotOnYourWorklist when it is not addressed to them (or does not exist)
     */
    public WorklistNotification acknowledge(long id, long userId, Collection<Long> teamIds, String username) {
        WorklistNotification notification = jdbc.sql(SELECT + " where id = :id and (user_id = :user or team_id = any(:teams))")
                .param("id", id).param("user", userId).param("teams", teamIds.toArray(Long[]::new))
                .query(Notifications::notification).optional()
                .orElseThrow(() -> new NotOnYourWorklist("Notification " + id + " is not on your worklist"));
        if (notification.acknowledged()) {
            return notification;
        }
        jdbc.sql("update worklist_notification set acknowledged_at = now(), acknowledged_by = :by where id = :id and acknowledged_at is null")
                .param("by", username).param("id", id).update();
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Notifications::notification).single();
    }

    /** Changes whenever a notification addressed to the user or their teams is added or acknowledged. */
    @Transactional(readOnly = true)
    String version(long userId, Collection<Long> teamIds) {
        return jdbc.sql("""
                        select count(*) || ':' || coalesce(max(id), 0) || ':' || count(acknowledged_at)
                          from worklist_notification where user_id = :user or team_id = any(:teams)""")
                .param("user", userId).param("teams", teamIds.toArray(Long[]::new)).query(String.class).single();
    }

    private static WorklistNotification notification(ResultSet rs, int row) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new WorklistNotification(rs.getLong("id"), rs.getLong("person_id"),
                HospitalMovement.Kind.valueOf(rs.getString("movement")), rs.getLong("hospital_org_id"),
                rs.getLong("encounter_item_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("patient_class"), rs.getString("ward"), rs.getString("disposition"),
                rs.getObject("user_id", Long.class), rs.getObject("team_id", Long.class), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), acknowledged == null ? null : acknowledged.toInstant(),
                rs.getString("acknowledged_by"));
    }
}
