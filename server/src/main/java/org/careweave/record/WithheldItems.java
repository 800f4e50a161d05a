package org.careweave.record;

import org.careweave.access.DataCategory;
import org.careweave.access.PersonAccess;

/**
 * Items the viewer may not see, counted by category, source and reason, so the record shows that they exist.
 *
 * @param category null for sensitive items, whose category is itself not disclosed
 */
public record WithheldItems(DataCategory category, String sourceOrganisationName, PersonAccess.Withheld reason,
                            int count) {

    /** What the items are, in words: "problems", or "sensitive" when the category is not disclosed. */
    public String categoryLabel() {
        return category == null ? "sensitive" : category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
