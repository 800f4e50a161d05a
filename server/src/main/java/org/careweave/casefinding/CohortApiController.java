package org.careweave.casefinding;

import java.util.List;
import java.util.Map;

import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Enrolment;
import org.careweave.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: cohort counts (anyone), worklists (case-finding scope only), saved cohorts, equity view, and the worklist's
 * enrol and dismiss actions. Bad definitions are 400 problem details listing every problem.
 */
@RestController
@RequestMapping("/api/cohorts")
class CohortApiController {

    record SaveRequest(String name, CohortDefinition definition) {
    }

    record Dismissal(String reason) {
    }

    record Saved(long id, String name) {
    }

    private final Cohorts cohorts;
    private final CaseFinding caseFinding;
    private final Callers callers;

    CohortApiController(Cohorts cohorts, CaseFinding caseFinding, Callers callers) {
        this.cohorts = cohorts;
        this.caseFinding = caseFinding;
        this.callers = callers;
    }

    @PostMapping("/counts")
    CohortCounts count(@RequestBody CohortDefinition definition) {
        return cohorts.count(definition);
    }

    @PostMapping("/members")
    List<CohortMember> members(@RequestBody CohortDefinition definition,
                               @RequestParam(defaultValue = "50") int limit) {
        return cohorts.list(callers.current(Purpose.DIRECT_CARE), definition, limit);
    }

    @PostMapping("/equity")
    EquityView equity(@RequestBody CohortDefinition definition) {
        return cohorts.equity(definition);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Saved save(@RequestBody SaveRequest request) {
        if (request.definition() == null) {
            throw new InvalidCohort(List.of(new InvalidCohort.Problem("definition", "Give the cohort's definition")));
        }
        String name = request.name() == null ? "" : request.name().strip();
        return new Saved(cohorts.save(name, request.definition(), callers.current(Purpose.DIRECT_CARE).actor()),
                name);
    }

    @GetMapping
    List<SavedCohort> saved() {
        return cohorts.saved();
    }

    @GetMapping("/{cohortId}/members")
    List<CohortMember> savedMembers(@PathVariable long cohortId, @RequestParam(defaultValue = "50") int limit) {
        return cohorts.list(callers.current(Purpose.DIRECT_CARE), saved(cohortId).definition(), limit);
    }

    @GetMapping("/{cohortId}/counts")
    CohortCounts savedCounts(@PathVariable long cohortId) {
        return cohorts.count(saved(cohortId).definition());
    }

    @PostMapping("/worklist/{personId}/enrolment")
    @ResponseStatus(HttpStatus.CREATED)
    CaseloadEpisode enrol(@PathVariable long personId, @RequestBody Map<String, String> body) {
        CaseloadEpisode.Programme programme;
        try {
            programme = CaseloadEpisode.Programme.valueOf(body.getOrDefault("programme", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("programme must be CASELOAD or VIRTUAL_WARD");
        }
        return caseFinding.enrol(callers.current(Purpose.DIRECT_CARE), new Enrolment(personId,
                number(body, "teamId"), programme, number(body, "careManagerId"), body.get("reason")));
    }

    @PostMapping("/worklist/{personId}/dismissal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable long personId, @RequestBody Dismissal dismissal) {
        caseFinding.dismiss(callers.current(Purpose.DIRECT_CARE), personId, dismissal.reason());
    }

    private SavedCohort saved(long cohortId) {
        return cohorts.find(cohortId).orElseThrow(() -> new NotFound("No saved cohort " + cohortId));
    }

    private static long number(Map<String, String> body, String field) {
        try {
            return Long.parseLong(body.getOrDefault(field, ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number");
        }
    }
}
