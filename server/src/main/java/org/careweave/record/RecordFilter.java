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

    public static RecordFilter ofType(String resourceType) {
        return new RecordFilter(Set.of(resourceType), Set.of(), null, null, null);
    }
}
