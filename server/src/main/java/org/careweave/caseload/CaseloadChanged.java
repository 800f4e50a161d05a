package org.careweave.caseload;

/** Published inside the transaction that enrolled a person or ended their episode. */
public record CaseloadChanged(CaseloadEpisode episode) {
}
