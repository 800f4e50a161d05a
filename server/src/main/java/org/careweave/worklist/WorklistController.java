package org.careweave.worklist;

import org.careweave.access.AccessDenied;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklist page. Its live region polls {@code /worklist/live} every second (htmx); the server answers 204 (no
 * swap) until something on the viewer's worklist changed, so a page left open costs one small query a second and
 * reads nobody's record until there is something new to show.
 */
@Controller
class WorklistController {

    private final Viewer.Resolver viewers;
    private final Worklist worklist;
    private final Notifications notifications;
    private final FollowUpTasks tasks;

    WorklistController(Viewer.Resolver viewers, Worklist worklist, Notifications notifications, FollowUpTasks tasks) {
        this.viewers = viewers;
        this.worklist = worklist;
        this.notifications = notifications;
        this.tasks = tasks;
    }

    @GetMapping("/worklist")
    String page(Model model) {
        model.addAttribute("view", worklist.of(viewers.current()));
        return "worklist/worklist";
    }

    @GetMapping("/worklist/live")
    String live(@RequestParam(name = "v", required = false) String version, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        Viewer viewer = viewers.current();
        if (version != null && version.equals(worklist.version(viewer))) {
            // Null with the response in hand: answered, nothing rendered; htmx swaps nothing on 204.
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        model.addAttribute("view", worklist.of(viewer));
        return "worklist/worklist :: live";
    }

    @PostMapping("/worklist/notifications/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            Viewer viewer = viewers.current();
            notifications.acknowledge(id, viewer.userId(), viewer.teamIds(), viewer.who().actor());
            return "Notification acknowledged";
        });
    }

    @PostMapping("/worklist/tasks/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeId, RedirectAttributes flash) {
        return act(flash, () -> {
            if (assigneeId == null) {
                throw new IllegalArgumentException("Choose who to assign the task to");
            }
            tasks.assign(id, assigneeId, viewers.current().who());
            return "Task assigned";
        });
    }

    @PostMapping("/worklist/tasks/{id}/start")
    String start(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            tasks.start(id, viewers.current().who());
            return "Task started";
        });
    }

    @PostMapping("/worklist/tasks/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) String outcome, RedirectAttributes flash) {
        return act(flash, () -> {
            tasks.complete(id, outcome, viewers.current().who());
            return "Task completed";
        });
    }

    @PostMapping("/worklist/tasks/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(flash, () -> {
            tasks.cancel(id, reason, viewers.current().who());
            return "Task cancelled";
        });
    }

    private static String act(RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("done", action.get());
        } catch (IllegalArgumentException | NotOnYourWorklist | TaskTransitionRefused | AccessDenied e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/worklist";
    }
}
