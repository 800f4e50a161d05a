package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.worklist.RestHookSubscription;
import org.careweave.worklist.RestHookSubscriptions;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 Subscriptions for partner systems (topic-less, rest-hook only, after the Subscriptions Backport): create,
 * read, search and delete their own. Notifications are sent from the worklist's outbox.
 */
@Component
class SubscriptionResourceProvider implements IResourceProvider {

    static final String CONTENT_EXTENSION =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    private static final String FHIR_JSON = "application/fhir+json";

    private final RestHookSubscriptions subscriptions;
    private final Callers callers;

    SubscriptionResourceProvider(RestHookSubscriptions subscriptions, Callers callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription subscription) {
        AccessContext client = partner();
        RestHookSubscription created = FhirErrors.translated(() ->
                subscriptions.create(request(subscription), client.actor(), client.actingOrganisationId()));
        return new MethodOutcome(new IdType("Subscription", Long.toString(created.id())), true).setResource(toFhir(created));
    }

    @Read
    public Subscription read(@IdParam IdType id) {
        long subscriptionId = FhirErrors.idOf(id.getIdPart(), "Subscription");
        return subscriptions.findOwn(subscriptionId, partner().actor()).map(SubscriptionResourceProvider::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException("Subscription/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<Subscription> search(@OptionalParam(name = Subscription.SP_STATUS) TokenParam status) {
        String wanted = status == null ? null : status.getValue();
        return subscriptions.ofClient(partner().actor(), wanted).stream().map(SubscriptionResourceProvider::toFhir).toList();
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        long subscriptionId = FhirErrors.idOf(id.getIdPart(), "Subscription");
        if (!subscriptions.delete(subscriptionId, partner().actor())) {
            throw new ResourceNotFoundException("Subscription/" + id.getIdPart() + " does not exist");
        }
        return new MethodOutcome();
    }

    private AccessContext partner() {
        AccessContext caller = callers.current(Purpose.DIRECT_CARE);
        if (!caller.isPartnerSystem()) {
            throw new ForbiddenOperationException("Subscriptions are for partner systems: call with a system client's "
                    + "bearer token, which names no person's roles");
        }
        return caller;
    }

    private static RestHookSubscription.Request request(Subscription subscription) {
        if (subscription.hasStatus() && subscription.getStatus() != Subscription.SubscriptionStatus.REQUESTED
                && subscription.getStatus() != Subscription.SubscriptionStatus.ACTIVE) {
            throw new InvalidRequestException("Subscription.status must be 'requested' (or 'active') when creating, not '"
                    + subscription.getStatus().toCode() + "'");
        }
        if (subscription.hasEnd()) {
            throw new InvalidRequestException("Subscription.end is not supported; delete the Subscription when it is no "
                    + "longer wanted");
        }
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw new InvalidRequestException("Subscription.channel.type must be 'rest-hook'"
                    + (channel.hasType() ? ", not '" + channel.getType().toCode() + "'" : ""));
        }
        if (channel.hasPayload() && !FHIR_JSON.equals(channel.getPayload())) {
            throw new InvalidRequestException("Subscription.channel.payload must be '" + FHIR_JSON + "', not '"
                    + channel.getPayload() + "'");
        }
        String content = channel.getPayloadElement().getExtension().stream()
                .filter(e -> CONTENT_EXTENSION.equals(e.getUrl())).findFirst()
                .map(e -> e.getValue().primitiveValue()).orElse(channel.hasPayload() ? "full-resource" : "empty");
        return new RestHookSubscription.Request(subscription.getCriteria(), channel.getEndpoint(),
                channel.getHeader().stream().map(StringType::getValue).toList(), content, subscription.getReason());
    }

    static Subscription toFhir(RestHookSubscription subscription) {
        Subscription fhir = new Subscription();
        fhir.setId(Long.toString(subscription.id()));
        fhir.setStatus(Subscription.SubscriptionStatus.fromCode(subscription.status()));
        fhir.setCriteria(subscription.criteria());
        fhir.setReason(subscription.reason());
        if (subscription.error() != null) {
            fhir.setError(subscription.error());
        }
        Subscription.SubscriptionChannelComponent channel = fhir.getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(subscription.endpoint());
        channel.setPayload(FHIR_JSON);
        channel.getPayloadElement().addExtension(CONTENT_EXTENSION, new CodeType(subscription.content()));
        subscription.headers().forEach(channel::addHeader);
        return fhir;
    }
}
