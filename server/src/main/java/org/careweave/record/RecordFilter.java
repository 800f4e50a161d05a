package org.careweave.record;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which items to read. Empty sets and nulls mean "any".
 *
 * @param from first day of the clinical date, inclusive
 * @param to   last day of the clinical date, inclusive
 */
public record RecordFilter(Set<String> resourceTypes, Set<String> categories, Long sourceOrganisationId,
                           LocalDate from, LocalDate to) {

    public static final RecordFilter ALL = new RecordFilter(Set.of(), Set.of(), null, null, null);

    public RecordFilter {
        resourceTypes = Set.copyOf(resourceTypes);
        categories = Set.copyOf(categories);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end date " + to + " is before the start date " + from);
        }
    }

    /** The filter's shape for the audit trail: which filters were set, never their personal values. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!categories.isEmpty()) {
            text.append("category=").append(String.join(",", categories.stream().sorted().toList())).append(' ');
        }
        if (sourceOrganisationId != null) {
            text.append("source=").append(sourceOrganisationId).append(' ');
        }
        if (from != null || to != null) {
            text.append("date=").append(from == null ? "" : from).append("..").append(to == null ? "" : to);
        }
        return text.toString().strip();
    }

    public static RecordFilter ofType(String resourceType) {
        return new RecordFilter(Set.of(resourceType), Set.of(), null, null, null);
    }
}
