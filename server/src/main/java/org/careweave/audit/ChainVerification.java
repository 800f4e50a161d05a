package org.careweave.audit;

/**
 * The verifier's finding.
 *
 * @param firstBrokenEventId null when the chain is intact
 * @param problem            what is wrong at that event, in words
 */
public record ChainVerification(boolean intact, long eventsChecked, Long firstBrokenEventId, String problem) {
}
