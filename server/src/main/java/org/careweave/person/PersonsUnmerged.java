package org.careweave.person;

/** Published inside the unmerging transaction: what merge {@code mergeId} moved goes back to {@code mergedId}. */
public record PersonsUnmerged(long mergeId, long survivorId, long mergedId) {
}
