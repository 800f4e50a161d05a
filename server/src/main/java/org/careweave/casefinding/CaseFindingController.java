package org.careweave.casefinding;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessDenied;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Enrolment;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.OrganisationType;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffMember;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.careweave.person.Persons;
import org.careweave.shared.NotFound;
import org.careweave.shared.PersonNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case-finding pages: cohort builder with counts and worklist, equity view, review and enrolment of one person. */
@Controller
class CaseFindingController {

    private final Cohorts cohorts;
    private final CaseFinding caseFinding;
    private final Callers callers;
    private final Organisations organisations;
    private final Teams teams;
    private final Staff staff;
    private final Persons persons;

    CaseFindingController(Cohorts cohorts, CaseFinding caseFinding, Callers callers, Organisations organisations,
                          Teams teams, Staff staff, Persons persons) {
        this.cohorts = cohorts;
        this.caseFinding = caseFinding;
        this.callers = callers;
        this.organisations = organisations;
        this.teams = teams;
        this.staff = staff;
        this.persons = persons;
    }

    @GetMapping("/case-finding")
    String cohort(@ModelAttribute("form") CohortForm form, @RequestParam(required = false) Long cohort,
                  @RequestParam(defaultValue = "false") boolean list, Model model) {
        if (cohort != null) {
            SavedCohort saved = cohorts.find(cohort).orElseThrow(() -> new NotFound("No saved cohort " + cohort));
            form = CohortForm.of(saved.definition());
            model.addAttribute("form", form);
            model.addAttribute("savedName", saved.name());
        }
        model.addAttribute("practices", organisations.ofType(OrganisationType.GP_PRACTICE));
        model.addAttribute("saved", cohorts.saved());
        try {
            CohortDefinition definition = form.toDefinition();
            model.addAttribute("counts", cohorts.count(definition));
            if (list) {
                model.addAttribute("members", cohorts.list(callers.current(Purpose.DIRECT_CARE), definition,
                        Cohorts.MAX_LIST));
            }
        } catch (InvalidCohort e) {
            model.addAttribute("problems", e.problems());
        } catch (AccessDenied e) {
            model.addAttribute("countsOnly", e.getMessage());
        }
        return "casefinding/cohort";
    }

    @PostMapping("/case-finding/cohorts")
    String save(@ModelAttribute("form") CohortForm form, @RequestParam String name, Model model,
                RedirectAttributes redirect) {
        try {
            long id = cohorts.save(name, form.toDefinition(), callers.current(Purpose.DIRECT_CARE).actor());
            redirect.addAttribute("cohort", id);
            return "redirect:/case-finding";
        } catch (InvalidCohort e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("practices", organisations.ofType(OrganisationType.GP_PRACTICE));
            model.addAttribute("saved", cohorts.saved());
            return "casefinding/cohort";
        }
    }

    @GetMapping("/case-finding/equity")
    String equity(@ModelAttribute("form") CohortForm form, Model model) {
        try {
            CohortDefinition definition = form.toDefinition();
            model.addAttribute("counts", cohorts.count(definition));
            model.addAttribute("equity", cohorts.equity(definition));
        } catch (InvalidCohort e) {
            model.addAttribute("problems", e.problems());
        }
        return "casefinding/equity";
    }

    @GetMapping("/case-finding/people/{personId}")
    String person(@PathVariable long personId, Model model) {
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        model.addAttribute("profile", caseFinding.explanation(who, personId));
        model.addAttribute("episodes", caseFinding.openEpisodes(who, personId));
        model.addAttribute("person", persons.find(personId).orElseThrow(() -> new PersonNotFound(personId)));
        List<Team> myTeams = teams.all().stream().filter(t -> who.userId() != null
                && t.memberIds().contains(who.userId())).toList();
        model.addAttribute("teams", myTeams);
        Map<Long, String> members = myTeams.stream().flatMap(t -> t.memberIds().stream()).distinct()
                .map(staff::member).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(StaffMember::id, StaffMember::displayName, (a, b) -> a,
                        java.util.TreeMap::new));
        model.addAttribute("careManagers", members);
        model.addAttribute("me", who.userId());
        return "casefinding/person";
    }

    @PostMapping("/case-finding/people/{personId}/enrol")
    String enrol(@PathVariable long personId, @RequestParam long teamId,
                 @RequestParam(required = false) CaseloadEpisode.Programme programme,
                 @RequestParam long careManagerId, @RequestParam(defaultValue = "") String reason,
                 RedirectAttributes redirect) {
        try {
            caseFinding.enrol(callers.current(Purpose.DIRECT_CARE),
                    new Enrolment(personId, teamId, programme, careManagerId, reason));
            redirect.addFlashAttribute("enrolled", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("enrolError", e.getMessage());
        }
        return "redirect:/case-finding/people/" + personId;
    }

    @PostMapping("/case-finding/people/{personId}/dismiss")
    String dismiss(@PathVariable long personId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        try {
            caseFinding.dismiss(callers.current(Purpose.DIRECT_CARE), personId, reason);
            redirect.addFlashAttribute("dismissed", true);
            return "redirect:/case-finding?list=true&notOnCaseload=true";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("dismissError", e.getMessage());
            return "redirect:/case-finding/people/" + personId;
        }
    }
}
