package org.careweave.worklist;

/**
 * Who hears of a movement and why: one member of staff or one team.
 *
 * @param subscriptionId the cohort subscription that made them hear of it, or null
 */
record Recipient(Long userId, Long teamId, Reason reason, Long subscriptionId) {

    enum Reason { CARE_MANAGER, CASELOAD, VIRTUAL_WARD, REFERRAL, COHORT }

    static Recipient user(long userId, Reason reason) {
        return new Recipient(userId, null, reason, null);
    }

    static Recipient team(long teamId, Reason reason) {
        return new Recipient(null, teamId, reason, null);
    }

    boolean sameAddressee(Recipient other) {
        return java.util.Objects.equals(userId, other.userId) && java.util.Objects.equals(teamId, other.teamId);
    }
}
