package org.careweave.risk;

import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST: a person's scores with their explanation, and the definitions in use. */
@RestController
@RequestMapping("/api/risk")
class RiskApiController {

    private final RiskAssessments assessments;
    private final Callers callers;

    RiskApiController(RiskAssessments assessments, Callers callers) {
        this.assessments = assessments;
        this.callers = callers;
    }

    /** 403 without a care relationship; 404 when the person has no scores (died, merged, or unknown). */
    @GetMapping("/persons/{personId}")
    ResponseEntity<RiskProfile> person(@PathVariable long personId) {
        return assessments.of(callers.current(Purpose.DIRECT_CARE), personId).map(ResponseEntity::ok)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No risk scores for person "
                        + personId + ": they may have died, been merged into another record, or not exist"));
    }

    @GetMapping("/definitions")
    RiskAssessments.Definitions definitions() {
        return assessments.definitions();
    }
}
