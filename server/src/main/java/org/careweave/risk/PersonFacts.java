package org.careweave.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the scores are computed from, for one person.
 *
 * @param problemCodes        codes of the person's recorded problems (only those some score looks at)
 * @param currentMedications  distinct medicines currently active
 * @param encounters          hospital encounters that started in the last 12 months
 */
record PersonFacts(long personId, LocalDate birthDate, LocalDate deceasedDate, Set<String> problemCodes,
                   int currentMedications, List<Encounter> encounters) {

    /** @param end null while the stay is ongoing */
    record Encounter(long itemId, String category, Instant start, Instant end) {
    }
}
