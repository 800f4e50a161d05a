package org.careweave.worklist;

import java.util.List;

import org.careweave.adt.HospitalMovement;
import org.careweave.person.PersonDetails;
import org.careweave.person.Persons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reacts to a hospital movement inside the transaction that applies it, just before it commits: notifies who should
 * hear, creates or cancels discharge follow-up tasks and queues rest-hook notifications. The reaction commits with the
 * movement or not at all, so no crash between two commits can lose it, and the worklist shows it as soon as the
 * movement is visible. It runs in a savepoint: a failure here is rolled back to it and logged, and does not undo or
 * refuse the movement itself.
 */
@Component
class MovementListener {

    private static final Logger log = LoggerFactory.getLogger(MovementListener.class);

    private final Persons persons;
    private final MovementAudience audience;
    private final Notifications notifications;
    private final FollowUpTasks tasks;
    private final RestHookOutbox restHooks;
    private final TransactionTemplate transactions;

    MovementListener(Persons persons, MovementAudience audience, Notifications notifications, FollowUpTasks tasks,
                     RestHookOutbox restHooks, TransactionTemplate transactions) {
        this.persons = persons;
        this.audience = audience;
        this.notifications = notifications;
        this.tasks = tasks;
        this.restHooks = restHooks;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(HospitalMovement movement) {
        try {
            transactions.executeWithoutResult(status -> apply(movement));
        } catch (RuntimeException e) {
            // Ids and kinds only: the exception's message could name the person.
            log.error("Worklist could not react to {} of encounter item {} (message {}): {}", movement.kind(),
                    movement.encounterItemId(), movement.messageControlId(), e.getClass().getName());
        }
    }

    private void apply(HospitalMovement movement) {
        PersonDetails person = persons.find(movement.personId()).orElse(null);
        if (person == null) {
            return;
        }
        List<Recipient> recipients = audience.of(person);
        notifications.record(movement, recipients);
        if (movement.kind() == HospitalMovement.Kind.DISCHARGED) {
            tasks.createForDischarge(movement, recipients.stream()
                    .filter(r -> r.reason() != Recipient.Reason.COHORT && r.reason() != Recipient.Reason.CARE_MANAGER)
                    .toList());
        } else if (movement.kind() == HospitalMovement.Kind.DISCHARGE_CANCELLED) {
            tasks.cancelForCancelledDischarge(movement);
        }
        restHooks.enqueue(movement);
    }
}
