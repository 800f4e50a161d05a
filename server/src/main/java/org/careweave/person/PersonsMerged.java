package org.careweave.person;

/** Published inside the merging transaction: everything of {@code mergedId} now belongs to {@code survivorId}. */
public record PersonsMerged(long mergeId, long survivorId, long mergedId) {
}
