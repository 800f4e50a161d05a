package org.careweave.synth;

/** Database ids of the neighbourhood's organisations, in the roles the generator needs them. */
record NeighbourhoodIds(long icb, long pcn, long[] practices, long acuteTrust, long communityTrust,
                        long mentalHealthTrust, long council, long[] vcse, long neighbourhoodTeam, long mdt) {

    /** The organisation that records items of the given organisation type for a resident. */
    long recorder(String organisationType, Resident resident) {
        return switch (organisationType) {
            case "GP_PRACTICE" -> practices[resident.practice()];
            case "ACUTE_TRUST" -> acuteTrust;
            case "COMMUNITY_TRUST" -> communityTrust;
            case "MENTAL_HEALTH_TRUST" -> mentalHealthTrust;
            case "LOCAL_AUTHORITY" -> council;
            default -> throw new IllegalArgumentException("No recorder of type " + organisationType);
        };
    }
}
