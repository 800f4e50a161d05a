package org.careweave.fhir;

import java.util.Date;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.ingest.ReceivedResources;
import org.hl7.fhir.r4.model.Resource;

/**
 * Shared resources partners sent (their organisations, locations, practitioners, medications), served as received
 * with a CareWeave id {@code d<n>}, so that references in record items lead somewhere. They describe services and
 * staff, not the people in the record, so any authenticated caller may read them.
 */
final class SharedResources {

    private SharedResources() {
    }

    static Resource toFhir(FhirContext fhir, ReceivedResources.Shared shared) {
        Resource resource = (Resource) fhir.newJsonParser().parseResource(shared.json());
        resource.setId(shared.resourceType() + "/" + shared.servedId());
        resource.getMeta().setVersionId(Integer.toString(shared.version()));
        resource.getMeta().setLastUpdated(Date.from(shared.receivedAt()));
        resource.getMeta().setSource("Organization/" + shared.sourceOrganisationId());
        return resource;
    }

    /** The shared resource with this served id, or empty when the id is not a shared one ({@code d<n>}). */
    static Optional<Resource> read(FhirContext fhir, ReceivedResources received, String type, String id) {
        if (!id.startsWith(ReceivedResources.SHARED_ID_PREFIX)) {
            return Optional.empty();
        }
        String digits = id.substring(ReceivedResources.SHARED_ID_PREFIX.length());
        if (!digits.matches("\\d{1,18}")) {
            throw new ResourceNotFoundException(type + "/" + id + " does not exist");
        }
        return Optional.of(received.shared(type, Long.parseLong(digits)).map(s -> toFhir(fhir, s))
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id + " does not exist")));
    }
}
