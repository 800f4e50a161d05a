package org.careweave.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.adt.HospitalMovement;
import org.careweave.organisation.Teams;
import org.careweave.shared.England;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up tasks: created when someone a team looks after is discharged, cancelled when the hospital cancels the
 * discharge, and moved on by the team: assigned, started, completed with an outcome, or cancelled with a reason.
 * Every change to a task is a write about the person, so it goes through the access policy.
 */
@Service
@Transactional
public class FollowUpTasks {

    private static final String SELECT = """
            select id, kind, person_id, team_id, owner_user_id, assignee_id, encounter_item_id, hospital_org_id,
                   discharged_at, due_on, status, outcome, cancel_reason, created_at, updated_at, updated_by
              from worklist_task""";

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final WorklistSettings settings;
    private final Teams teams;
    private final AccessPolicy policy;

    FollowUpTasks(JdbcClient jdbc, WorkingDays workingDays, WorklistSettings settings, Teams teams, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.settings = settings;
        this.teams = teams;
        this.policy = policy;
    }

    /** One task per owner for a discharge, in one statement; a repeated discharge creates none. */
    int createForDischarge(HospitalMovement discharge, List<Recipient> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        LocalDate due = workingDays.after(discharge.occurredAt().atZone(England.ZONE).toLocalDate(),
                settings.dischargeFollowUpWorkingDays());
        return jdbc.sql("""
                        insert into worklist_task (kind, person_id, team_id, owner_user_id, encounter_item_id,
                                                   hospital_org_id, discharged_at, due_on, updated_by)
                        select 'DISCHARGE_FOLLOW_UP', :person, o.team_id, o.user_id, :encounter, :hospital, :at, :due,
                               'hospital discharge'
                          from unnest(:teams::bigint[], :users::bigint[]) as o (team_id, user_id)
                        on conflict do nothing""")
                .param("person", discharge.personId()).param("encounter", discharge.encounterItemId())
                .param("hospital", discharge.hospitalOrganisationId())
                .param("at", Timestamp.from(discharge.occurredAt())).param("due", due)
                .param("teams", owners.stream().map(Recipient::teamId).toArray(Long[]::new))
                .param("users", owners.stream().map(Recipient::userId).toArray(Long[]::new))
                .update();
    }

    /** The hospital cancelled the discharge (A13): open follow-ups of that stay are cancelled. */
    int cancelForCancelledDischarge(HospitalMovement cancellation) {
        return jdbc.sql("""
                        update worklist_task
                           set status = 'CANCELLED', cancel_reason = 'The hospital cancelled the discharge',
                               updated_at = now(), updated_by = 'hospital discharge cancelled'
                         where kind = 'DISCHARGE_FOLLOW_UP' and encounter_item_id = :encounter
                           and status in ('OPEN', 'IN_PROGRESS')""")
                .param("encounter", cancellation.encounterItemId()).update();
    }

    @Transactional(readOnly = true)
    public Optional<FollowUpTask> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(FollowUpTasks::task).optional();
    }

    /** Tasks matching the query, due soonest (so overdue) first. Callers check access to each task's person. */
    @Transactional(readOnly = true)
    public List<FollowUpTask> search(TaskQuery query, int limit) {
        List<String> where = new ArrayList<>();
        if (query.personId() != null) {
            where.add("person_id = :person");
        }
        if (query.ownerTeamId() != null) {
            where.add("team_id = :team");
        }
        if (query.ownerUserId() != null) {
            where.add("(assignee_id = :user or owner_user_id = :user)");
        }
        if (!query.statuses().isEmpty()) {
            where.add("status = any(:statuses)");
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by status in ('COMPLETED', 'CANCELLED'), due_on, id limit :limit";
        return jdbc.sql(sql).param("person", query.personId()).param("team", query.ownerTeamId())
                .param("user", query.ownerUserId())
                .param("statuses", query.statuses().stream().map(Enum::name).toArray(String[]::new))
                .param("limit", limit).query(FollowUpTasks::task).list();
    }

    /** Open tasks assigned to or owned by the user, or owned by one of their teams, overdue first. */
    @Transactional(readOnly = true)
    public List<FollowUpTask> openFor(long userId, Collection<Long> teamIds) {
        return jdbc.sql(SELECT + "\n" + """
                         where status in ('OPEN', 'IN_PROGRESS')
                           and (assignee_id = :user or owner_user_id = :user or team_id = any(:teams))
                         order by due_on, id""")
                .param("user", userId).param("teams", teamIds.toArray(Long[]::new))
                .query(FollowUpTasks::task).list();
    }

    /** Changes whenever a task the user could see on their worklist is added or changed. */
    @Transactional(readOnly = true)
    String version(long userId, Collection<Long> teamIds) {
        return jdbc.sql("""
                        select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at)::text, '')
                          from worklist_task where assignee_id = :user or owner_user_id = :user or team_id = any(:teams)""")
                .param("user", userId).param("teams", teamIds.toArray(Long[]::new)).query(String.class).single();
    }

    /** Gives the task to a member of its team (or to its owner); refused once the task is closed. */
    public FollowUpTask assign(long taskId, long assigneeId, AccessContext who) {
        FollowUpTask task = actable(taskId, who, "assigned");
        boolean member = task.teamId() != null
                ? teams.find(task.teamId()).map(t -> t.memberIds().contains(assigneeId)).orElse(false)
                : task.ownerUserId() == assigneeId;
        if (!member) {
            throw new IllegalArgumentException("Staff id " + assigneeId + " is not a member of the team that owns task "
                    + taskId + "; assign it to a member of that team");
        }
        return update(task, "assignee_id = :value", assigneeId, who);
    }

    /** Starts an open task; whoever starts an unassigned task takes it. */
    public FollowUpTask start(long taskId, AccessContext who) {
        FollowUpTask task = actable(taskId, who, "started");
        if (task.status() != FollowUpTask.Status.OPEN) {
            throw new TaskTransitionRefused("Task " + taskId + " is already in progress");
        }
        return update(task, "status = 'IN_PROGRESS', assignee_id = coalesce(assignee_id, :value)", who.userId(), who);
    }

    public FollowUpTask complete(long taskId, String outcome, AccessContext who) {
        FollowUpTask task = actable(taskId, who, "completed");
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("Say what was done: a task is completed with an outcome note");
        }
        return update(task, "status = 'COMPLETED', outcome = :value", outcome.strip(), who);
    }

    public FollowUpTask cancel(long taskId, String reason, AccessContext who) {
        FollowUpTask task = actable(taskId, who, "cancelled");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason for cancelling the task");
        }
        return update(task, "status = 'CANCELLED', cancel_reason = :value", reason.strip(), who);
    }

    /** The task, if it is on the caller's worklist, still open, and the policy lets the caller act for the person. */
    private FollowUpTask actable(long taskId, AccessContext who, String action) {
        FollowUpTask task = find(taskId).filter(t -> onWorklistOf(t, who))
                .orElseThrow(() -> new NotOnYourWorklist("Task " + taskId + " is not on your worklist"));
        if (!task.status().open()) {
            throw new TaskTransitionRefused("Task " + taskId + " is " + task.status().name().toLowerCase().replace('_', ' ')
                    + " and cannot be " + action + "; only open or in-progress tasks can");
        }
        policy.require(who, task.personId(), AccessIntent.update("Task", taskId));
        return task;
    }

    private boolean onWorklistOf(FollowUpTask task, AccessContext who) {
        if (who.userId() == null) {
            return false;
        }
        long user = who.userId();
        return (task.ownerUserId() != null && task.ownerUserId() == user)
                || (task.assigneeId() != null && task.assigneeId() == user)
                || (task.teamId() != null && teams.find(task.teamId()).map(t -> t.memberIds().contains(user)).orElse(false));
    }

    private FollowUpTask update(FollowUpTask task, String set, Object value, AccessContext who) {
        int changed = jdbc.sql("update worklist_task set " + set + ", updated_at = now(), updated_by = :by"
                        + " where id = :id and status = :status")
                .param("value", value).param("by", who.actor()).param("id", task.id())
                .param("status", task.status().name()).update();
        if (changed == 0) {
            throw new TaskTransitionRefused("Task " + task.id() + " was changed by someone else just now; look again");
        }
        return find(task.id()).orElseThrow();
    }

    private static FollowUpTask task(ResultSet rs, int row) throws SQLException {
        return new FollowUpTask(rs.getLong("id"), FollowUpTask.Kind.valueOf(rs.getString("kind")),
                rs.getLong("person_id"), rs.getObject("team_id", Long.class), rs.getObject("owner_user_id", Long.class),
                rs.getObject("assignee_id", Long.class), rs.getLong("encounter_item_id"), rs.getLong("hospital_org_id"),
                rs.getTimestamp("discharged_at").toInstant(), rs.getObject("due_on", LocalDate.class),
                FollowUpTask.Status.valueOf(rs.getString("status")), rs.getString("outcome"),
                rs.getString("cancel_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
