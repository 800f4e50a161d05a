package org.careweave.record;

import java.util.List;

import org.careweave.access.PersonAccess;
import org.careweave.person.PersonDetails;

/**
 * What one viewer may see of one person's record.
 *
 * @param basis    why the viewer may see it (care team, caseload, break-glass, ...)
 * @param items    visible items, newest first
 * @param withheld items hidden by policy, counted
 */
public record PersonRecord(PersonDetails person, PersonAccess.Basis basis, List<RecordItem> items,
                           List<WithheldItems> withheld) {

    public List<RecordItem> itemsIn(String... categories) {
        List<String> wanted = List.of(categories);
        return items.stream().filter(item -> wanted.contains(item.category())).toList();
    }
}
