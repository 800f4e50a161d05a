package org.careweave.casefinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.careweave.risk.RiskProfile;

/** The cohort builder's form as typed, turned into a definition or into one message per field. */
record CohortForm(String minAge, String maxAge, List<String> sex, List<String> frailty, String minCms,
                  String conditions, List<String> practice, List<String> decile, Boolean recentAdmission,
                  Boolean notOnCaseload) {

    CohortForm {
        sex = sex == null ? List.of() : sex;
        frailty = frailty == null ? List.of() : frailty;
        practice = practice == null ? List.of() : practice;
        decile = decile == null ? List.of() : decile;
        recentAdmission = Boolean.TRUE.equals(recentAdmission);
        notOnCaseload = Boolean.TRUE.equals(notOnCaseload);
    }

    static CohortForm of(CohortDefinition d) {
        return new CohortForm(d.minAge() == null ? "" : d.minAge().toString(),
                d.maxAge() == null ? "" : d.maxAge().toString(), List.copyOf(d.sexes()),
                d.frailty().stream().map(Enum::name).toList(), d.minCms() == null ? "" : d.minCms().toString(),
                String.join(" ", d.conditions()), List.copyOf(d.practices()),
                d.deprivationDeciles().stream().map(String::valueOf).toList(), d.recentEmergencyAdmission(),
                d.notOnCaseload());
    }

    /** @throws InvalidCohort with every problem, each naming its form field */
    CohortDefinition toDefinition() {
        List<InvalidCohort.Problem> problems = new ArrayList<>();
        Integer min = whole(minAge, "minAge", "Lowest age", problems);
        Integer max = whole(maxAge, "maxAge", "Highest age", problems);
        Double cms = null;
        if (minCms != null && !minCms.isBlank()) {
            try {
                cms = Double.parseDouble(minCms.strip());
            } catch (NumberFormatException e) {
                problems.add(new InvalidCohort.Problem("minCms", "Lowest Cambridge Multimorbidity Score must be a "
                        + "number, like 1.5"));
            }
        }
        Set<RiskProfile.Category> categories = new LinkedHashSet<>();
        for (String category : frailty) {
            try {
                categories.add(RiskProfile.Category.valueOf(category.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidCohort.Problem("frailty", "Frailty '" + category
                        + "' is not one of FIT, MILD, MODERATE, SEVERE"));
            }
        }
        Set<Integer> deciles = new LinkedHashSet<>();
        for (String value : decile) {
            Integer parsed = whole(value, "deprivationDeciles", "Deprivation decile", problems);
            if (parsed != null) {
                deciles.add(parsed);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCohort(problems);
        }
        Set<String> codes = conditions == null || conditions.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(conditions.strip().split("[\\s,]+")));
        return new CohortDefinition(min, max, new LinkedHashSet<>(sex), categories, cms, codes,
                new LinkedHashSet<>(practice), deciles, recentAdmission, notOnCaseload);
    }

    private static Integer whole(String value, String field, String label, List<InvalidCohort.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidCohort.Problem(field, label + " must be a whole number, like 65"));
            return null;
        }
    }
}
