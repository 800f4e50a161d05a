package org.careweave.worklist;

import java.util.Optional;

import org.careweave.access.AccessContext;
import org.careweave.adt.HospitalMovement;

/**
 * Renders a rest-hook notification, implemented by the FHIR adapter: a {@code history} Bundle shaped after the R4
 * Subscriptions Backport, with a SubscriptionStatus {@code Parameters} entry and, for full-resource content, the
 * Encounter read for the subscriber through the access policy.
 */
public interface RestHookPayloads {

    /**
     * @param subscriber the subscribing client, for the policy
     * @param fhirBase   CareWeave's FHIR base URL as partners reach it, for full URLs
     * @return the bundle as FHIR JSON, or empty when the policy withholds the encounter from the subscriber
     */
    Optional<String> notification(RestHookSubscription subscription, long eventNumber, HospitalMovement movement,
                                  AccessContext subscriber, String fhirBase);
}
