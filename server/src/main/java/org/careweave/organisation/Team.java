package org.careweave.organisation;

import java.util.List;

/** A team that may span organisations, such as an integrated neighbourhood team or an MDT. */
public record Team(long id, String name, Kind kind, long leadOrganisationId, List<Long> memberIds) {

    public enum Kind { NEIGHBOURHOOD_TEAM, MDT, SERVICE_TEAM }
}
