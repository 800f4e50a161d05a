package org.careweave.adt;

/** What became of a received message. */
public enum MessageStatus {
    /** Applied to the record (or, for a duplicate control id, applied before). */
    APPLIED,
    /** Understood, but no person in the index matches it safely; waits for review and is re-applied. */
    UNMATCHED,
    /** Understood but could not be applied (answered AE); re-processed after a fix. */
    FAILED,
    /** Not understood or not a message CareWeave takes (answered AR). */
    REJECTED
}
