package org.careweave.record;

import java.util.List;

import org.careweave.access.PersonAccess;
import org.careweave.person.PersonDetails;

/**
 * One page of a person's record as one viewer may see it. Every item in the page's range is either in
 * {@code items} or counted in {@code withheld}, so paging through shows or reports each item exactly once.
 *
 * @param demographicsVisible whether the viewer may know who the person is (a system client without a relationship
 *                            sees only its own organisation's items, and not the person's details)
 * @param next                where the next page starts, or null on the last page
 * @param previous            where the previous page ends, or null on the first page
 * @param total               how many items on all pages the viewer may see
 */
public record RecordPage(PersonDetails person, PersonAccess.Basis basis, boolean demographicsVisible,
                         List<RecordItem> items, List<WithheldItems> withheld, RecordQuery.Cursor next,
                         RecordQuery.Cursor previous, long total) {

    public int withheldCount() {
        return withheld.stream().mapToInt(WithheldItems::count).sum();
    }
}
