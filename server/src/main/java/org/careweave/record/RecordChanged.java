package org.careweave.record;

import java.util.Set;

/**
 * Published inside the transaction that created or changed items of these people's records, so that what is derived
 * from a record (risk scores, worklists) can follow; listen after commit to see the stored items.
 */
public record RecordChanged(Set<Long> personIds) {
}
