package org.careweave.worklist;

import java.time.LocalDate;
import java.util.List;

import org.careweave.shared.England;
import org.springframework.stereotype.Component;

/** One viewer's worklist: their notifications, their teams' notifications and the open tasks, overdue first. */
@Component
class Worklist {

    static final int SHOWN = 50;

    record View(String version, List<WorklistRows.NotificationRow> mine, List<WorklistRows.NotificationRow> team,
                List<WorklistRows.TaskRow> myTasks, List<WorklistRows.TaskRow> teamTasks) {

        public long unacknowledged() {
            return mine.stream().filter(n -> !n.acknowledged()).count()
                    + team.stream().filter(n -> !n.acknowledged()).count();
        }

        public long overdue() {
            return myTasks.stream().filter(WorklistRows.TaskRow::overdue).count()
                    + teamTasks.stream().filter(WorklistRows.TaskRow::overdue).count();
        }
    }

    private final Notifications notifications;
    private final FollowUpTasks tasks;
    private final WorklistRows rows;

    Worklist(Notifications notifications, FollowUpTasks tasks, WorklistRows rows) {
        this.notifications = notifications;
        this.tasks = tasks;
        this.rows = rows;
    }

    /** Cheap: says whether anything on the viewer's worklist changed, without reading (or auditing) any person. */
    String version(Viewer viewer) {
        return notifications.version(viewer.userId(), viewer.teamIds()) + "/" + tasks.version(viewer.userId(), viewer.teamIds());
    }

    View of(Viewer viewer) {
        String version = version(viewer);
        WorklistRows.Builder builder = rows.forViewer(viewer.who(), viewer.teams());
        LocalDate today = LocalDate.now(England.ZONE);
        List<FollowUpTask> open = tasks.openFor(viewer.userId(), viewer.teamIds());
        return new View(version,
                notifications.forUser(viewer.userId(), SHOWN).stream().map(builder::row).toList(),
                notifications.forTeams(viewer.teamIds(), SHOWN).stream().map(builder::row).toList(),
                open.stream().filter(t -> mine(t, viewer.userId())).map(t -> builder.row(t, today)).toList(),
                open.stream().filter(t -> !mine(t, viewer.userId())).map(t -> builder.row(t, today)).toList());
    }

    private static boolean mine(FollowUpTask task, long userId) {
        return (task.assigneeId() != null && task.assigneeId() == userId)
                || (task.ownerUserId() != null && task.ownerUserId() == userId);
    }
}
