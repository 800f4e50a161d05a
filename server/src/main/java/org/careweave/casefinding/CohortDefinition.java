package org.careweave.casefinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.careweave.risk.RiskProfile;

/**
 * Who belongs to a cohort. Empty sets and nulls mean "any".
 *
 * @param minAge, maxAge           age in whole years today, inclusive
 * @param sexes                    female, male, other, unknown
 * @param frailty                  eFI categories (people under 65 have none, so any category excludes them)
 * @param minCms                   lowest Cambridge Multimorbidity Score
 * @param conditions               SNOMED CT codes: people with any of them recorded as a problem
 * @param practices                ODS codes of registered GP practices
 * @param deprivationDeciles       IMD deciles 1 (most deprived) to 10
 * @param recentEmergencyAdmission at least one emergency admission in the last 12 months (null: false)
 * @param notOnCaseload            not on any team's caseload or virtual ward now (null: false)
 */
public record CohortDefinition(Integer minAge, Integer maxAge, Set<String> sexes, Set<RiskProfile.Category> frailty,
                               Double minCms, Set<String> conditions, Set<String> practices,
                               Set<Integer> deprivationDeciles, Boolean recentEmergencyAdmission,
                               Boolean notOnCaseload) {

    static final Set<String> SEXES = Set.of("female", "male", "other", "unknown");

    /** Refuses a definition that cannot select anyone sensibly, naming every problem at once. */
    public CohortDefinition {
        sexes = sexes == null ? Set.of() : Set.copyOf(sexes);
        frailty = frailty == null ? Set.of() : Set.copyOf(frailty);
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        practices = practices == null ? Set.of() : Set.copyOf(practices);
        deprivationDeciles = deprivationDeciles == null ? Set.of() : Set.copyOf(deprivationDeciles);
        // a JSON definition may leave the yes/no questions out, as it may leave out any other criterion
        recentEmergencyAdmission = Boolean.TRUE.equals(recentEmergencyAdmission);
        notOnCaseload = Boolean.TRUE.equals(notOnCaseload);
        List<InvalidCohort.Problem> problems = new ArrayList<>();
        if (minAge != null && (minAge < 0 || minAge > 120)) {
            problems.add(new InvalidCohort.Problem("minAge", "Lowest age must be between 0 and 120"));
        }
        if (maxAge != null && (maxAge < 0 || maxAge > 120)) {
            problems.add(new InvalidCohort.Problem("maxAge", "Highest age must be between 0 and 120"));
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            problems.add(new InvalidCohort.Problem("maxAge", "Highest age (" + maxAge
                    + ") must not be below the lowest age (" + minAge + ")"));
        }
        sexes.stream().filter(s -> !SEXES.contains(s)).forEach(s -> problems.add(new InvalidCohort.Problem("sex",
                "Sex '" + s + "' is not one of female, male, other, unknown")));
        if (minCms != null && !(minCms >= 0 && minCms <= 50)) {
            problems.add(new InvalidCohort.Problem("minCms",
                    "Lowest Cambridge Multimorbidity Score must be between 0 and 50"));
        }
        conditions.stream().filter(c -> !c.matches("[1-9][0-9]{5,17}")).forEach(c -> problems.add(
                new InvalidCohort.Problem("conditions", "'" + c + "' is not a SNOMED CT code (6 to 18 digits)")));
        deprivationDeciles.stream().filter(d -> d == null || d < 1 || d > 10).forEach(d -> problems.add(
                new InvalidCohort.Problem("deprivationDeciles", "Deprivation decile " + d
                        + " is not between 1 and 10")));
        if (!problems.isEmpty()) {
            throw new InvalidCohort(problems);
        }
    }

    public static CohortDefinition everyone() {
        return new CohortDefinition(null, null, Set.of(), Set.of(), null, Set.of(), Set.of(), Set.of(), false,
                false);
    }
}
