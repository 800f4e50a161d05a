package org.careweave.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, searches and verifies the audit trail.
 *
 * <p>Events are appended in short transactions of their own, so audit appends never hold the chain lock for the
 * length of a business transaction. A write's event waits until the business transaction commits (a rolled-back
 * change is not reported as made) and is then written durably; denials and sign-ins are written durably at once, so
 * a denial is on record even when the caller's transaction then fails. Successful reads and searches go to a
 * batching background writer ({@link AuditWriter}).
 */
@Service
public class AuditTrail {

    private final AuditEvents events;
    private final AuditWriter background;
    private final AuditAnchors anchors;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readOnly;

    AuditTrail(AuditEvents events, AuditWriter background, AuditAnchors anchors,
               PlatformTransactionManager transactions) {
        this.events = events;
        this.background = background;
        this.anchors = anchors;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void record(AuditEvent event) {
        if (waitsForCommit(event)) {
            appendAfterCommit(List.of(event));
        } else if (event.outcome() == AuditEvent.Outcome.SUCCESS
                && (event.action() == AuditEvent.Action.READ || event.action() == AuditEvent.Action.SEARCH)) {
            background.enqueue(event);
        } else {
            append(List.of(event));
        }
    }

    /**
     * As {@link #record} for each, but successful writes made in the caller's transaction are appended together, in
     * one transaction of their own once it commits: an import that changes many people's records adds one short
     * transaction, not one per person.
     */
    public void recordAll(List<AuditEvent> events) {
        if (!events.isEmpty() && events.stream().allMatch(AuditTrail::waitsForCommit)) {
            appendAfterCommit(List.copyOf(events));
        } else {
            events.forEach(this::record);
        }
    }

    /** A successful write made in the caller's writing transaction: on record only once that commits. */
    private static boolean waitsForCommit(AuditEvent event) {
        return event.isWrite() && event.outcome() == AuditEvent.Outcome.SUCCESS
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && TransactionSynchronizationManager.isSynchronizationActive();
    }

    private void appendAfterCommit(List<AuditEvent> batch) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                append(batch);
            }
        });
    }

    /** Waits until every event recorded so far is in the database. */
    public void flush() {
        background.flush();
    }

    /** Newest first; includes every event recorded before the call. */
    public List<AuditEvent> search(AuditQuery query) {
        background.flush();
        return readOnly.execute(status -> events.search(query));
    }

    /**
     * Walks the whole chain and names the first event that does not verify: one whose fields no longer match its hash,
     * one that does not link to the event before it, or an anchored event that is missing or differs from its anchor
     * (events removed from the end of the trail).
     */
    public ChainVerification verify() {
        background.flush();
        List<AuditAnchors.Anchor> anchored;
        try {
            anchored = anchors.all();
        } catch (AuditAnchors.UnreadableAnchors e) {
            return new ChainVerification(false, 0, null, e.getMessage());
        }
        return readOnly.execute(status -> {
            ChainWalk walk = new ChainWalk(anchored);
            events.inChainOrder(walk::check);
            return walk.result();
        });
    }

    private void append(List<AuditEvent> batch) {
        ownTransaction.executeWithoutResult(status -> events.appendAll(batch, true));
    }

    /** Recomputes each hash from the stored fields, checks each link to the event before and each anchor. */
    private static final class ChainWalk {

        private final Map<Long, AuditAnchors.Anchor> anchorsById = new HashMap<>();
        private final AuditAnchors.Anchor latestAnchor;
        private String previousHash = ChainHash.GENESIS;
        private String firstHash;
        private long checked;
        private long lastId;
        private Long brokenAt;
        private String problem;

        ChainWalk(List<AuditAnchors.Anchor> anchors) {
            anchors.forEach(anchor -> anchorsById.put(anchor.eventId(), anchor));
            latestAnchor = anchors.stream().max(Comparator.comparingLong(AuditAnchors.Anchor::eventId))
                    .orElse(null);
        }

        void check(AuditEvents.StoredEvent stored) {
            if (brokenAt != null) {
                return;
            }
            checked++;
            long id = stored.event().id();
            lastId = id;
            if (firstHash == null) {
                firstHash = stored.hash();
            }
            AuditAnchors.Anchor anchor = anchorsById.remove(id);
            if (!stored.previousHash().equals(previousHash)) {
                brokenAt = id;
                problem = "Event " + id + " does not follow the event before it: an earlier event was removed or"
                        + " its hash was changed";
            } else if (!ChainHash.of(stored.event(), stored.previousHash()).equals(stored.hash())) {
                brokenAt = id;
                problem = "Event " + id + " was altered after it was recorded: its fields no longer match its hash";
            } else if (anchor != null && !(anchor.hash().equals(stored.hash()) && anchor.firstHash().equals(firstHash))) {
                brokenAt = id;
                problem = "Event " + id + " differs from the anchor written at " + anchor.at()
                        + ": the trail was rewritten from this event or an earlier one";
            }
            previousHash = stored.hash();
        }

        ChainVerification result() {
            if (brokenAt == null && latestAnchor != null && !anchorsById.isEmpty()) {
                AuditAnchors.Anchor missing = anchorsById.values().stream()
                        .min(Comparator.comparingLong(AuditAnchors.Anchor::eventId)).orElseThrow();
                String found = checked == 0 ? "the trail is empty"
                        : missing.eventId() > lastId ? "the trail ends at event " + lastId : "it is missing";
                return new ChainVerification(false, checked, missing.eventId(), "Event " + missing.eventId()
                        + " was anchored at " + missing.at() + " but " + found + ": events were removed from the trail"
                        + " (the latest anchor is at event " + latestAnchor.eventId() + ")");
            }
            return new ChainVerification(brokenAt == null, checked, brokenAt, problem);
        }
    }
}
