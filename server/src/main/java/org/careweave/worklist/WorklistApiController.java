package org.careweave.worklist;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careweave.shared.England;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The worklist over REST, for staff: what the page shows, and the same actions. */
@RestController
@RequestMapping("/api/worklist")
@Tag(name = "Worklist", description = "Notifications of hospital movements, follow-up tasks and cohort alerts")
class WorklistApiController {

    record Acknowledged(long id, boolean acknowledged, String acknowledgedBy) {
    }

    record Assignment(Long assigneeId) {
    }

    record Outcome(String outcome) {
    }

    record Reason(String reason) {
    }

    record NewCohortSubscription(CohortSubscriptions.Kind kind, Long targetId) {
    }

    private final Viewer.Resolver viewers;
    private final Worklist worklist;
    private final Notifications notifications;
    private final FollowUpTasks tasks;
    private final CohortSubscriptions cohorts;
    private final WorklistRows rows;

    WorklistApiController(Viewer.Resolver viewers, Worklist worklist, Notifications notifications, FollowUpTasks tasks,
                          CohortSubscriptions cohorts, WorklistRows rows) {
        this.viewers = viewers;
        this.worklist = worklist;
        this.notifications = notifications;
        this.tasks = tasks;
        this.cohorts = cohorts;
        this.rows = rows;
    }

    @GetMapping
    @Operation(summary = "The caller's worklist: notifications (theirs, their teams') and open tasks, overdue first; "
            + "people the access policy does not let the caller see are marked withheld")
    Worklist.View view() {
        return worklist.of(viewers.current());
    }

    @PostMapping("/notifications/{id}/acknowledge")
    @Operation(summary = "Acknowledge a notification addressed to the caller or one of their teams (idempotent)")
    Acknowledged acknowledge(@PathVariable long id) {
        Viewer viewer = viewers.current();
        WorklistNotification done = notifications.acknowledge(id, viewer.userId(), viewer.teamIds(), viewer.who().actor());
        return new Acknowledged(done.id(), done.acknowledged(), done.acknowledgedBy());
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task on the caller's worklist")
    WorklistRows.TaskRow task(@PathVariable long id) {
        Viewer viewer = viewers.current();
        FollowUpTask task = tasks.find(id).filter(t -> tasks.openFor(viewer.userId(), viewer.teamIds()).contains(t)
                        || (t.teamId() != null && viewer.teamIds().contains(t.teamId())))
                .orElseThrow(() -> new NotOnYourWorklist("Task " + id + " is not on your worklist"));
        return rows.forViewer(viewer.who(), viewer.teams()).row(task, java.time.LocalDate.now(England.ZONE));
    }

    @PostMapping("/tasks/{id}/assign")
    @Operation(summary = "Assign an open task to a member of its team")
    WorklistRows.TaskRow assign(@PathVariable long id, @RequestBody Assignment body) {
        if (body.assigneeId() == null) {
            throw new IllegalArgumentException("Give assigneeId, the staff id of a member of the task's team");
        }
        return shown(tasks.assign(id, body.assigneeId(), viewers.current().who()));
    }

    @PostMapping("/tasks/{id}/start")
    @Operation(summary = "Start an open task (the caller takes it if nobody has)")
    WorklistRows.TaskRow start(@PathVariable long id) {
        return shown(tasks.start(id, viewers.current().who()));
    }

    @PostMapping("/tasks/{id}/complete")
    @Operation(summary = "Complete an open or started task with an outcome note")
    WorklistRows.TaskRow complete(@PathVariable long id, @RequestBody Outcome body) {
        return shown(tasks.complete(id, body.outcome(), viewers.current().who()));
    }

    @PostMapping("/tasks/{id}/cancel")
    @Operation(summary = "Cancel an open or started task with a reason")
    WorklistRows.TaskRow cancel(@PathVariable long id, @RequestBody Reason body) {
        return shown(tasks.cancel(id, body.reason(), viewers.current().who()));
    }

    @GetMapping("/cohort-subscriptions")
    @Operation(summary = "The cohorts the caller gets alerts for")
    List<CohortSubscriptions.Subscription> subscriptions() {
        return cohorts.of(viewers.current().userId());
    }

    @PostMapping("/cohort-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Get alerts for a cohort: TEAM_CASELOAD or TEAM_VIRTUAL_WARD (targetId a team), PRACTICE "
            + "(a GP practice's organisation id) or SAVED_COHORT (a saved case-finding cohort)")
    CohortSubscriptions.Subscription subscribe(@RequestBody NewCohortSubscription body) {
        if (body.targetId() == null) {
            throw new IllegalArgumentException("Give targetId: the team, practice or saved cohort to follow");
        }
        return cohorts.subscribe(viewers.current().userId(), body.kind(), body.targetId());
    }

    @DeleteMapping("/cohort-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop alerts for a cohort")
    void unsubscribe(@PathVariable long id) {
        if (!cohorts.unsubscribe(viewers.current().userId(), id)) {
            throw new NotOnYourWorklist("You have no cohort subscription with id " + id);
        }
    }

    private WorklistRows.TaskRow shown(FollowUpTask task) {
        Viewer viewer = viewers.current();
        return rows.forViewer(viewer.who(), viewer.teams()).row(task, java.time.LocalDate.now(England.ZONE));
    }

    /** The worklist's own refusals, with stable codes like the rest of the API's (see web.ApiErrors). */
    @RestControllerAdvice(assignableTypes = WorklistApiController.class)
    static class Errors {

        @ExceptionHandler(NotOnYourWorklist.class)
        ProblemDetail notYours(NotOnYourWorklist e) {
            return problem(HttpStatus.NOT_FOUND, "CW-404-WORKLIST", e.getMessage());
        }

        @ExceptionHandler(TaskTransitionRefused.class)
        ProblemDetail transition(TaskTransitionRefused e) {
            return problem(HttpStatus.CONFLICT, "CW-409-TASK-STATUS", e.getMessage());
        }

        @ExceptionHandler(Viewer.StaffOnly.class)
        ProblemDetail staffOnly(Viewer.StaffOnly e) {
            return problem(HttpStatus.FORBIDDEN, "CW-403-STAFF-ONLY", e.getMessage());
        }

        private static ProblemDetail problem(HttpStatus status, String code, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setProperty("code", code);
            return problem;
        }
    }
}
