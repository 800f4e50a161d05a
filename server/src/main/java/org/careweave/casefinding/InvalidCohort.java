package org.careweave.casefinding;

import java.util.List;
import java.util.stream.Collectors;

/** A cohort definition that cannot be used; lists every problem with the field it concerns. */
public class InvalidCohort extends IllegalArgumentException {

    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidCohort(List<Problem> problems) {
        super("The cohort definition is not valid: " + problems.stream().map(Problem::message)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
