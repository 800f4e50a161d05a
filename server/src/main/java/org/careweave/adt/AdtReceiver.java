package org.careweave.adt;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one message off the wire and returns the acknowledgement to send. The message and its outcome are committed
 * before this returns, so an ACK is never sent for a message that is not durably stored; when the database cannot
 * store it, no ACK is sent at all and the sender resends. Logs carry control id, type and status only.
 */
@Service
class AdtReceiver {

    private static final Logger log = LoggerFactory.getLogger(AdtReceiver.class);

    /** The longest field CareWeave takes in the segments it reads; HL7v2 2.5 gives none of them more than 250. */
    static final int LONGEST_FIELD = 1_000;

    private final AdtParser parser;
    private final AdtApplier applier;
    private final AdtMessages messages;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final MeterRegistry meters;
    private final Counter received;

    AdtReceiver(AdtParser parser, AdtApplier applier, AdtMessages messages, PlatformTransactionManager transactions,
                MeterRegistry meters) {
        this.parser = parser;
        this.applier = applier;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.meters = meters;
        this.received = Counter.builder("careweave.adt.messages.received")
                .description("HL7v2 messages received over MLLP").register(meters);
    }

    /** @return the ACK to send; the message is committed by then */
    String receive(String text, MllpSender sender) {
        received.increment();
        // Kept as received, except that PostgreSQL text cannot hold NUL: such a message is kept with U+FFFD in its
        // place, and refused.
        String raw = text.replace('\0', '\uFFFD');
        String withNul = Hl7Text.withCarriageReturns(text);
        String message = withNul.replace('\0', '\uFFFD');
        MessageHeader header = MessageHeader.read(message);
        String refusal = refusal(header, message, withNul.indexOf('\0'));
        if (refusal == null) {
            refusal = sender.refusal(header.sendingFacility());
        }
        if (refusal != null) {
            return reject(header, raw, refusal);
        }
        AdtFacts facts;
        try {
            facts = parser.parse(message, header);
        } catch (NotUnderstood e) {
            return reject(header, raw, e.getMessage());
        } catch (CannotApply e) {
            return store(header, raw, null, e.getMessage());
        }
        return store(header, raw, facts, null);
    }

    /**
     * Applies a waiting (unmatched or failed) message again, e.g. after the facility was added or the person linked.
     *
     * @return the new outcome, or empty when there is no such waiting message
     */
    Optional<Outcome> reprocess(long id, boolean registerUnknown) {
        return transaction.execute(tx -> messages.lockWaiting(id).map(raw -> {
            messages.commitDurably();
            messages.countAttempt(id);
            String message = Hl7Text.withCarriageReturns(raw);
            MessageHeader header = MessageHeader.read(message);
            Outcome outcome;
            try {
                outcome = applyWithin(id, parser.parse(message, header), registerUnknown);
            } catch (CannotApply e) {
                outcome = Outcome.failed(e.getMessage());
            }
            messages.recordOutcome(id, outcome);
            count(header, outcome);
            log.info("HL7v2 message {} {} re-processed: {}", header.controlId(), header.typeName(), outcome.status());
            return outcome;
        }));
    }

    private String store(MessageHeader header, String text, AdtFacts facts, String parseFailure) {
        Stored stored = transaction.execute(tx -> {
            messages.commitDurably();
            Optional<Long> id = messages.claim(header, text);
            if (id.isEmpty()) {
                return null;
            }
            Outcome outcome;
            if (parseFailure != null) {
                outcome = Outcome.failed(parseFailure);
            } else {
                try {
                    outcome = applyWithin(id.get(), facts, false);
                } catch (CannotApply e) {
                    outcome = Outcome.failed(e.getMessage());
                }
            }
            messages.recordOutcome(id.get(), outcome);
            return new Stored(id.get(), outcome);
        });
        if (stored == null) {
            return duplicate(header);
        }
        count(header, stored.outcome);
        log.info("HL7v2 message {} {} stored as {}", header.controlId(), header.typeName(), stored.outcome.status());
        return Acknowledgements.of(header, stored.outcome.ack(), ackText(stored.outcome));
    }

    /** Runs the apply in a savepoint, so a refusal undoes whatever it had written but keeps the message. */
    private Outcome applyWithin(long id, AdtFacts facts, boolean registerUnknown) {
        try {
            return savepoint.execute(tx -> applier.apply(id, facts, registerUnknown));
        } catch (CannotApply e) {
            return Outcome.failed(e.getMessage());
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            // A fault of ours, not the sender's: keep the message for re-processing once fixed. Exception messages
            // may quote the message, so only the type and where it was thrown are logged.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("HL7v2 message {} could not be applied: {} at {}", facts.header().controlId(),
                    e.getClass().getName(), at);
            return Outcome.failed("CareWeave could not apply this message (" + e.getClass().getSimpleName()
                    + "); re-process it once the fault is fixed");
        }
    }

    private String duplicate(MessageHeader header) {
        meters.counter("careweave.adt.messages.duplicate").increment();
        MessageSummary original = messages.original(header).orElseThrow(() -> new IllegalStateException(
                "A duplicate control id without its original"));
        log.info("HL7v2 message {} {} is a duplicate of message {}", header.controlId(), header.typeName(),
                original.id());
        return Acknowledgements.of(header, Acknowledgements.Code.valueOf(original.ackCode()),
                "duplicate of a message received " + original.receivedAt() + "; not applied again");
    }

    /** Why the message is not taken, or null when it is; nul is the index of the first NUL character, or -1. */
    private static String refusal(MessageHeader header, String message, int nul) {
        if (header == null) {
            return "The message does not start with a readable MSH segment";
        }
        if (nul >= 0) {
            return Hl7Text.fieldAt(message, nul, header.fieldSeparator()) + " contains a NUL character (0x00), which "
                    + "HL7v2 text may not hold and CareWeave cannot store; remove it and resend";
        }
        String tooLong = Hl7Text.fieldLongerThan(message, header.fieldSeparator(), LONGEST_FIELD);
        if (tooLong != null) {
            return tooLong + " is longer than " + LONGEST_FIELD + " characters, more than any field CareWeave reads "
                    + "may hold; correct it and resend";
        }
        return header.refusal();
    }

    private String reject(MessageHeader header, String text, String reason) {
        transaction.executeWithoutResult(tx -> {
            messages.commitDurably();
            messages.insertRejected(header, text, reason);
        });
        meters.counter("careweave.adt.messages.failed", "ack", "AR").increment();
        log.info("HL7v2 message {} {} rejected", header == null ? null : header.controlId(),
                header == null ? null : header.messageType() + "^" + header.triggerEvent());
        return Acknowledgements.of(header, Acknowledgements.Code.AR, reason);
    }

    private void count(MessageHeader header, Outcome outcome) {
        String type = header.triggerEvent();
        switch (outcome.status()) {
            case APPLIED -> meters.counter("careweave.adt.messages.applied", "event", type).increment();
            case UNMATCHED -> meters.counter("careweave.adt.messages.unmatched", "event", type).increment();
            default -> meters.counter("careweave.adt.messages.failed", "ack", outcome.ack().name()).increment();
        }
    }

    private static String ackText(Outcome outcome) {
        return switch (outcome.status()) {
            case UNMATCHED -> "stored; waiting for the patient to be matched to a person";
            case APPLIED -> null;
            default -> outcome.reason();
        };
    }

    private record Stored(long id, Outcome outcome) {
    }
}
