package org.careweave.record;

import java.util.List;

import org.careweave.access.PersonAccess;
import org.careweave.person.PersonDetails;

/**
 * One page of a person's record as one viewer may see it: only items the viewer may see, so paging through shows
 * each of them exactly once, and on the first page the items of the searched type the policy withholds, counted
 * over the whole record whatever the search's filters.
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
}
