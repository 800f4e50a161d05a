package org.careweave.person;

import java.util.EnumSet;

import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' person index page: doubtful matches to resolve, merges to make or undo. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class PersonIndexController {

    private static final String PAGE = "redirect:/admin/person-index";

    private final PersonIndexAdministration administration;
    private final Callers callers;

    PersonIndexController(PersonIndexAdministration administration, Callers callers) {
        this.administration = administration;
        this.callers = callers;
    }

    @Bean
    static NavigationEntry personIndexNavigation() {
        return new NavigationEntry("Person index", "/admin/person-index", 75, EnumSet.of(Role.ADMINISTRATOR));
    }

    @GetMapping("/admin/person-index")
    String page(Model model) {
        AccessContext who = who();
        model.addAttribute("reviews", administration.pendingReviews(who));
        model.addAttribute("merges", administration.recentMerges(who, 20));
        return "person/person-index";
    }

    @PostMapping("/admin/person-index/reviews/{reviewId}/merge")
    String confirm(@PathVariable long reviewId, @RequestParam(required = false) Long candidate,
                   RedirectAttributes redirect) {
        return done(redirect, () -> {
            if (candidate == null) {
                throw new IllegalArgumentException("Choose the candidate who is the same person");
            }
            long merge = administration.confirm(who(), reviewId, candidate);
            return "Person merged into person " + candidate + " (merge " + merge + "; it can be undone below).";
        });
    }

    @PostMapping("/admin/person-index/reviews/{reviewId}/keep-apart")
    String keepApart(@PathVariable long reviewId, RedirectAttributes redirect) {
        return done(redirect, () -> {
            administration.keepApart(who(), reviewId);
            return "Match review " + reviewId + " closed: they are kept as different people.";
        });
    }

    @PostMapping("/admin/person-index/merges")
    String merge(@RequestParam(required = false) Long survivor, @RequestParam(required = false) Long duplicate,
                 RedirectAttributes redirect) {
        return done(redirect, () -> {
            if (survivor == null || duplicate == null) {
                throw new IllegalArgumentException("Enter the id of the person who stays and of the duplicate");
            }
            long merge = administration.merge(who(), survivor, duplicate);
            return "Person " + duplicate + " merged into person " + survivor + " (merge " + merge + ").";
        });
    }

    @PostMapping("/admin/person-index/merges/{mergeId}/undo")
    String unmerge(@PathVariable long mergeId, RedirectAttributes redirect) {
        return done(redirect, () -> {
            administration.unmerge(who(), mergeId);
            return "Merge " + mergeId + " undone.";
        });
    }

    private AccessContext who() {
        return callers.current(Purpose.ADMINISTRATION);
    }

    private static String done(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }
}
