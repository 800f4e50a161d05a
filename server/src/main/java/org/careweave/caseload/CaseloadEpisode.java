package org.careweave.caseload;

import java.time.Instant;

/** One person's time on a team's caseload or virtual ward, with the coordinator responsible. */
public record CaseloadEpisode(long id, long personId, long teamId, Programme programme, long careManagerId,
                              String reason, Instant startedAt, String startedBy, Instant endedAt, String endedBy,
                              String endReason) {

    public enum Programme { CASELOAD, VIRTUAL_WARD }

    public boolean active() {
        return endedAt == null;
    }
}
