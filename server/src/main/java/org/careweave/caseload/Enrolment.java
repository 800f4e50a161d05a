package org.careweave.caseload;

/** A request to put a person on a team's caseload or virtual ward, with the member of the team responsible. */
public record Enrolment(long personId, long teamId, CaseloadEpisode.Programme programme, long careManagerId,
                        String reason) {
}
