package org.careweave.record;

/** What storing one incoming item did: its CareWeave id and version, and whether it was new, changed or the same. */
public record ItemOutcome(long id, int version, Change change) {

    public enum Change { CREATED, UPDATED, UNCHANGED }
}
