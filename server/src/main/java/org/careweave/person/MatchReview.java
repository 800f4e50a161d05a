package org.careweave.person;

import java.time.Instant;
import java.util.List;

/**
 * A doubtful match waiting for an administrator: the partner's patient became {@code newPersonId}, and may be one of
 * the candidates.
 */
public record MatchReview(long id, long sourceOrganisationId, String sourceId, long newPersonId,
                          List<Long> candidateIds, String reason, Instant createdAt) {
}
