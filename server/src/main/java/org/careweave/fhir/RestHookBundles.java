package org.careweave.fhir;

import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.access.AccessContext;
import org.careweave.access.AccessDenied;
import org.careweave.adt.HospitalMovement;
import org.careweave.record.ItemWithheld;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordItem;
import org.careweave.worklist.RestHookPayloads;
import org.careweave.worklist.RestHookSubscription;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * Rest-hook notifications shaped after the R4 Subscriptions Backport (topic-less): a {@code history} Bundle whose
 * first entry is the SubscriptionStatus {@code Parameters}, followed by the Encounter for full-resource content. The
 * encounter is read for the subscribing client through the record's policy-checked read, so it is audited and
 * nothing the policy withholds is sent.
 */
@Component
class RestHookBundles implements RestHookPayloads {

    static final String STATUS_PROFILE =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

    private final PersonRecords records;
    private final RecordItemMapper mapper;
    private final FhirContext fhir;

    RestHookBundles(PersonRecords records, RecordItemMapper mapper, FhirContext fhir) {
        this.records = records;
        this.mapper = mapper;
        this.fhir = fhir;
    }

    @Override
    public Optional<String> notification(RestHookSubscription subscription, long eventNumber, HospitalMovement movement,
                                         AccessContext subscriber, String fhirBase) {
        Optional<RecordItem> encounter;
        try {
            encounter = records.item(subscriber, movement.encounterItemId(), "Encounter");
        } catch (AccessDenied | ItemWithheld e) {
            return Optional.empty();
        }
        if (encounter.isEmpty()) {
            return Optional.empty();
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(new Date());
        Parameters status = status(subscription, eventNumber, movement, fhirBase);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(status)
                .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.GET)
                        .setUrl(fhirBase + "/Subscription/" + subscription.id() + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        if ("full-resource".equals(subscription.content())) {
            String url = fhirBase + "/Encounter/" + movement.encounterItemId();
            bundle.addEntry().setFullUrl(url).setResource(mapper.toFhir(encounter.get()))
                    .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(Bundle.HTTPVerb.PUT)
                            .setUrl("Encounter/" + movement.encounterItemId()))
                    .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        }
        return Optional.of(fhir.newJsonParser().encodeResourceToString(bundle));
    }

    private static Parameters status(RestHookSubscription subscription, long eventNumber, HospitalMovement movement,
                                     String fhirBase) {
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.getMeta().addProfile(STATUS_PROFILE);
        status.addParameter().setName("subscription")
                .setValue(new Reference(fhirBase + "/Subscription/" + subscription.id()));
        status.addParameter().setName("status").setValue(new CodeType("active"));
        status.addParameter().setName("type").setValue(new CodeType("event-notification"));
        status.addParameter().setName("events-since-subscription-start")
                .setValue(new StringType(Long.toString(eventNumber)));
        Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
        event.addPart().setName("event-number").setValue(new StringType(Long.toString(eventNumber)));
        event.addPart().setName("timestamp").setValue(new InstantType(Date.from(movement.occurredAt())));
        if (!"empty".equals(subscription.content())) {
            event.addPart().setName("focus")
                    .setValue(new Reference(fhirBase + "/Encounter/" + movement.encounterItemId()));
        }
        // Not part of the backport: which movement this was, so partners need not compare encounter versions.
        event.addPart().setName("movement").setValue(new CodeType(movement.kind().name().toLowerCase().replace('_', '-')));
        return status;
    }
}
