package org.careweave.worklist;

import java.util.Optional;

/**
 * Saved cohorts from case finding, as far as alerts need them. Implemented by the feature that keeps saved cohorts;
 * while no bean implements it, subscriptions to saved cohorts are refused and existing ones are not notified.
 */
public interface CohortMembership {

    boolean contains(long cohortId, long personId);

    /** The cohort's name, or empty when there is no such cohort. */
    Optional<String> name(long cohortId);
}
