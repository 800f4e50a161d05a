package org.careweave.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.ingest.ReceivedResources;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Shared resources partners sent (their organisations, locations, practitioners, medications), served as received
 * with a CareWeave id {@code d<n>} and their references rewritten to what CareWeave serves (a location's managing
 * organisation, a role's practitioner), so that references lead somewhere. They describe services and staff, not
 * the people in the record, so any authenticated caller may read them.
 */
@Component
class SharedResources {

    private final FhirContext fhir;
    private final ReceivedResources received;
    private final ReferenceRewriter references;

    SharedResources(FhirContext fhir, ReceivedResources received, ReferenceRewriter references) {
        this.fhir = fhir;
        this.received = received;
        this.references = references;
    }

    /** The shared resource with this served id, or empty when the id is not a shared one ({@code d<n>}). */
    Optional<Resource> read(String type, String id) {
        if (!id.startsWith(ReceivedResources.SHARED_ID_PREFIX)) {
            return Optional.empty();
        }
        Long shared = idOf(id);
        if (shared == null) {
            throw new ResourceNotFoundException(type + "/" + id + " does not exist");
        }
        return Optional.of(received.shared(type, shared).map(s -> served(List.of(s)).get(0))
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id + " does not exist")));
    }

    /** The stored id in a shared resource's served id ({@code d<n>}), or null when it is not one. */
    static Long idOf(String servedId) {
        if (!servedId.startsWith(ReceivedResources.SHARED_ID_PREFIX)) {
            return null;
        }
        String digits = servedId.substring(ReceivedResources.SHARED_ID_PREFIX.length());
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : null;
    }

    /** Whether a reference as served ({@code Type/id}) names a shared resource ({@code Type/d<n>}). */
    static boolean isSharedReference(String reference) {
        return reference.startsWith(ReceivedResources.SHARED_ID_PREFIX, reference.indexOf('/') + 1);
    }

    /** These shared resources, in id order, as served. */
    List<Resource> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : served(received.shared(ids));
    }

    /**
     * Stubs carrying the stored JSON and its rewritten references (see {@link StoredResource}), with CareWeave's id
     * and meta.
     */
    private List<Resource> served(List<ReceivedResources.Shared> shared) {
        List<Map<String, String>> rewritten = references.served(shared.stream()
                .map(s -> new ReferenceRewriter.Sent(s.json(), false, s.sourceOrganisationId())).toList());
        List<Resource> resources = new ArrayList<>(shared.size());
        for (int i = 0; i < shared.size(); i++) {
            ReceivedResources.Shared one = shared.get(i);
            Resource stub = StoredResource.stub(fhir, one.resourceType(),
                    new StoredResource(one.json(), false, rewritten.get(i)));
            StoredResource.stamp(stub, one.resourceType(), one.servedId(), one.version(), one.receivedAt(),
                    one.sourceOrganisationId());
            resources.add(stub);
        }
        return resources;
    }
}
