package org.careweave.adt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.Purpose;
import org.careweave.organisation.Organisations;
import org.careweave.person.IncomingPatient;
import org.careweave.person.PatientLink;
import org.careweave.person.PersonMatching;
import org.careweave.person.PersonMerges;
import org.careweave.person.Persons;
import org.careweave.record.ItemOutcome;
import org.careweave.record.RecordImport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one stored message to the person index and the record, inside the caller's transaction. Every check that
 * can refuse a message (answered AE) runs before anything is written.
 */
@Component
class AdtApplier {

    private static final java.util.Set<String> VISIT_EVENTS = java.util.Set.of("A01", "A02", "A03", "A04", "A05",
            "A08", "A11", "A12", "A13");

    private final Organisations organisations;
    private final PersonMatching matching;
    private final PersonMerges merges;
    private final Persons persons;
    private final RecordImport records;
    private final AdtMessages messages;
    private final ApplicationEventPublisher events;
    private final AccessPolicy policy;
    private final TransactionTemplate savepoint;

    AdtApplier(Organisations organisations, PersonMatching matching, PersonMerges merges, Persons persons,
               RecordImport records, AdtMessages messages, ApplicationEventPublisher events, AccessPolicy policy,
               PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.matching = matching;
        this.merges = merges;
        this.persons = persons;
        this.records = records;
        this.messages = messages;
        this.events = events;
        this.policy = policy;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param registerUnknown an administrator's decision: a patient the index does not know becomes a new person
     *                        (by the person index's rules) instead of waiting
     * @throws CannotApply when the message cannot be applied as it stands
     */
    Outcome apply(long messageId, AdtFacts facts, boolean registerUnknown) {
        String facility = facts.header().sendingFacility();
        long hospital = organisations.idOf(facility == null ? "" : facility).orElseThrow(() -> new CannotApply(
                "MSH-4 sending facility '" + facility + "' is not a known organisation (ODS code); add it to the "
                        + "organisation directory or correct MSH-4, then re-process"));
        String event = facts.header().triggerEvent();
        if (facts.patient() == null) {
            throw new CannotApply("The message has no PID segment");
        }
        boolean visitEvent = VISIT_EVENTS.contains(event);
        if (visitEvent && (facts.visit() == null || facts.visit().visitNumber() == null)) {
            throw new CannotApply("PV1-19 visit number is missing; the encounter is kept per visit number");
        }
        if (visitEvent && facts.eventTime() == null) {
            throw new CannotApply("Neither EVN-6, EVN-2 nor MSH-7 gives the event time; visits are ordered by it");
        }
        if ("A40".equals(event) && facts.prior() == null) {
            throw new CannotApply("MRG-1 prior patient identifier is missing");
        }
        IncomingPatient patient = PatientResource.of(facts.patient(), facility);
        messages.recordFacts(messageId, facts, hospital);
        Long personId = person(hospital, patient, registerUnknown);
        if (personId == null) {
            return Outcome.unmatched("No person in the index matches the patient safely (NHS number, the hospital's "
                    + "patient number, or exact demographics); waiting for an administrator");
        }
        if (visitEvent) {
            return applyVisit(messageId, facts, hospital, personId);
        }
        if ("A40".equals(event)) {
            return merge(facts, hospital, personId);
        }
        written(facts, hospital, List.of(personId), AccessIntent.update("Patient", personId));
        return Outcome.applied(personId, null, "demographics stored as the hospital's copy of the patient");
    }

    /** Links by the person index's rules; a patient that would become a new person waits unless registering. */
    private Long person(long hospital, IncomingPatient patient, boolean registerUnknown) {
        return savepoint.execute(status -> {
            PatientLink link = matching.link(hospital, patient);
            boolean newPerson = link.basis() == PatientLink.MatchBasis.NEW_PERSON
                    || link.basis() == PatientLink.MatchBasis.NEW_PERSON_UNDER_REVIEW;
            if (newPerson && !registerUnknown) {
                status.setRollbackOnly();
                return null;
            }
            return link.personId();
        });
    }

    private Outcome applyVisit(long messageId, AdtFacts facts, long hospital, long personId) {
        String visitNumber = facts.visit().visitNumber();
        messages.lockVisit(hospital, visitNumber);
        messages.recordOutcome(messageId, Outcome.applied(personId, null, null));
        List<AdtMessages.VisitEvent> history = messages.visitEvents(hospital, visitNumber);
        VisitState state = VisitState.of(history);
        if (state.status == null) {
            state.status = "unknown";
        }
        List<ItemOutcome> stored = records.store(hospital, List.of(EncounterResource.item(personId,
                facts.header().sendingFacility(), visitNumber, facts.patient().nhsNumber(), state)));
        long encounterId = stored.get(0).id();
        HospitalMovement.Kind kind = movement(facts.header().triggerEvent());
        if (kind != null) {
            events.publishEvent(new HospitalMovement(personId, kind, hospital, encounterId,
                    occurredAt(facts), facts.visit().patientClass(), facts.visit().ward(),
                    facts.visit().dischargeDisposition(), facts.header().controlId()));
        }
        written(facts, hospital, List.of(personId), AccessIntent.update("Encounter", encounterId));
        boolean late = history.size() > 1 && history.get(history.size() - 1).messageId() != messageId;
        return Outcome.applied(personId, encounterId, late
                ? "arrived after later events of the visit; encounter recomputed in event-time order" : null);
    }

    private Outcome merge(AdtFacts facts, long hospital, long survivorId) {
        AdtFacts.Prior prior = facts.prior();
        Optional<Long> merged = Optional.empty();
        if (prior.localId() != null) {
            merged = matching.personOfSourcePatient(hospital, prior.localId());
        }
        if (merged.isEmpty() && prior.nhsNumber() != null) {
            merged = persons.idOfNhsNumber(prior.nhsNumber());
        }
        if (merged.isEmpty()) {
            return Outcome.applied(survivorId, null, "MRG-1 prior patient is not known here; nothing to merge");
        }
        long mergedId = merged.get();
        if (mergedId == survivorId) {
            return Outcome.applied(survivorId, null, "already the same person");
        }
        try {
            merges.merge(survivorId, mergedId, "hl7v2:" + facts.header().sendingFacility() + ":"
                    + facts.header().controlId());
        } catch (IllegalArgumentException e) {
            throw new CannotApply("The person index refused the merge: " + e.getMessage());
        }
        written(facts, hospital, List.of(survivorId, mergedId), AccessIntent.update("Patient", null));
        return Outcome.applied(survivorId, null, "merged person " + mergedId + " into " + survivorId);
    }

    /**
     * Puts the hospital's change to these people's data in the audit trail (once the message's transaction commits),
     * as made by the sending system. Called last on each path that applies a message, so a refused one records none.
     */
    private void written(AdtFacts facts, long hospital, List<Long> personIds, AccessIntent intent) {
        policy.recordWrites(AccessContext.systemClient("hl7v2:" + facts.header().sendingFacility(), hospital, Set.of(),
                Purpose.DIRECT_CARE, "mllp"), personIds, intent);
    }

    private static HospitalMovement.Kind movement(String event) {
        return switch (event) {
            case "A01" -> HospitalMovement.Kind.ADMITTED;
            case "A04" -> HospitalMovement.Kind.ATTENDED;
            case "A05" -> HospitalMovement.Kind.PRE_ADMITTED;
            case "A02" -> HospitalMovement.Kind.TRANSFERRED;
            case "A03" -> HospitalMovement.Kind.DISCHARGED;
            case "A11" -> HospitalMovement.Kind.ADMISSION_CANCELLED;
            case "A12" -> HospitalMovement.Kind.TRANSFER_CANCELLED;
            case "A13" -> HospitalMovement.Kind.DISCHARGE_CANCELLED;
            default -> null;
        };
    }

    /** Admission and discharge times from PV1 where the message gives them, else the event time. */
    private static Instant occurredAt(AdtFacts facts) {
        return switch (facts.header().triggerEvent()) {
            case "A01", "A04", "A05" -> facts.visit().admittedAt() != null ? facts.visit().admittedAt()
                    : facts.eventTime();
            case "A03" -> facts.visit().dischargedAt() != null ? facts.visit().dischargedAt() : facts.eventTime();
            default -> facts.eventTime();
        };
    }
}
