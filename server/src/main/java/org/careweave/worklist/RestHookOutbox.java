package org.careweave.worklist;

import java.util.Optional;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessPolicy;
import org.careweave.access.Purpose;
import org.careweave.adt.HospitalMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which rest-hook subscriptions hear of a movement and writes their notifications to the durable outbox, in
 * the caller's transaction. A subscriber hears only of people its organisation has a relationship with (the policy
 * must let it know who the person is) and only when the policy lets it see the encounter.
 */
@Component
class RestHookOutbox {

    private final RestHookSubscriptions subscriptions;
    private final RestHookPayloads payloads;
    private final AccessPolicy policy;
    private final JdbcClient jdbc;
    private final String fhirBase;
    private final TransactionTemplate outsideTransaction;

    RestHookOutbox(RestHookSubscriptions subscriptions, RestHookPayloads payloads, AccessPolicy policy, JdbcClient jdbc,
                   WorklistSettings settings, TransactionTemplate transactions) {
        // The policy-checked read refuses by throwing; outside this transaction a refusal cannot mark it rollback-only.
        this.outsideTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.fhirBase = settings.fhirBaseUrl().replaceAll("/+$", "");
        this.subscriptions = subscriptions;
        this.payloads = payloads;
        this.policy = policy;
        this.jdbc = jdbc;
    }

    int enqueue(HospitalMovement movement) {
        int written = 0;
        for (RestHookSubscription subscription : subscriptions.interestedIn(movement.personId())) {
            AccessContext subscriber = AccessContext.systemClient(subscription.clientId(), subscription.organisationId(),
                    Set.of(), Purpose.DIRECT_CARE, "rest-hook Subscription/" + subscription.id());
            if (policy.decide(subscriber, movement.personId()).mayViewDemographics()) {
                written += enqueue(subscription.id(), movement, subscriber);
            }
        }
        return written;
    }

    private int enqueue(long subscriptionId, HospitalMovement movement, AccessContext subscriber) {
        // The row lock keeps event numbers consecutive when movements are applied concurrently.
        RestHookSubscription locked = jdbc.sql("select id from fhir_subscription where id = :id for update")
                .param("id", subscriptionId).query(Long.class).optional()
                .flatMap(subscriptions::find).orElse(null);
        if (locked == null) {
            return 0;
        }
        long eventNumber = locked.eventsSinceStart() + 1;
        Optional<String> payload = outsideTransaction.execute(status ->
                payloads.notification(locked, eventNumber, movement, subscriber, fhirBase));
        return payload.map(bundle -> {
            jdbc.sql("update fhir_subscription set events_since_start = :n where id = :id")
                    .param("n", eventNumber).param("id", locked.id()).update();
            return jdbc.sql("insert into fhir_subscription_delivery (subscription_id, event_number, payload) values (:id, :n, :payload)")
                    .param("id", locked.id()).param("n", eventNumber).param("payload", bundle).update();
        }).orElse(0);
    }
}
