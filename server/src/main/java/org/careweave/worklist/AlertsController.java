package org.careweave.worklist;

import org.careweave.organisation.OrganisationType;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Teams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cohorts a member of staff follows: subscribe and unsubscribe. */
@Controller
class AlertsController {

    private final Viewer.Resolver viewers;
    private final CohortSubscriptions cohorts;
    private final Teams teams;
    private final Organisations organisations;

    AlertsController(Viewer.Resolver viewers, CohortSubscriptions cohorts, Teams teams, Organisations organisations) {
        this.viewers = viewers;
        this.cohorts = cohorts;
        this.teams = teams;
        this.organisations = organisations;
    }

    @GetMapping("/worklist/alerts")
    String page(Model model) {
        model.addAttribute("subscriptions", cohorts.of(viewers.current().userId()));
        model.addAttribute("teams", teams.all());
        model.addAttribute("practices", organisations.ofType(OrganisationType.GP_PRACTICE));
        model.addAttribute("savedCohorts", cohorts.savedCohortsAvailable());
        return "worklist/alerts";
    }

    @PostMapping("/worklist/alerts")
    String subscribe(@RequestParam(required = false) CohortSubscriptions.Kind kind,
                     @RequestParam(required = false) Long targetId, RedirectAttributes flash) {
        try {
            if (targetId == null) {
                throw new IllegalArgumentException("Choose the team, practice or saved cohort to follow");
            }
            CohortSubscriptions.Subscription done = cohorts.subscribe(viewers.current().userId(), kind, targetId);
            flash.addFlashAttribute("done", "You will be told when people in " + done.targetName()
                    + " go into or leave hospital");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/worklist/alerts";
    }

    @PostMapping("/worklist/alerts/{id}/delete")
    String unsubscribe(@PathVariable long id, RedirectAttributes flash) {
        if (cohorts.unsubscribe(viewers.current().userId(), id)) {
            flash.addFlashAttribute("done", "Alerts stopped");
        } else {
            flash.addFlashAttribute("error", "You have no cohort subscription with id " + id);
        }
        return "redirect:/worklist/alerts";
    }
}
