package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.ingest.ReceivedResources;
import org.careweave.organisation.Staff;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/** Staff as FHIR Practitioner. */
@Component
class PractitionerResourceProvider implements IResourceProvider {

    private final Staff staff;
    private final FhirContext fhir;
    private final ReceivedResources received;

    PractitionerResourceProvider(Staff staff, FhirContext fhir, ReceivedResources received) {
        this.staff = staff;
        this.fhir = fhir;
        this.received = received;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    /** Staff have plain ids; practitioners partners sent (d&lt;n&gt;) are served as received. */
    @Read
    public Practitioner read(@IdParam IdType id) {
        var shared = SharedResources.read(fhir, received, "Practitioner", id.getIdPart());
        if (shared.isPresent()) {
            return (Practitioner) shared.get();
        }
        return staff.member(FhirErrors.idOf(id.getIdPart(), "Practitioner")).map(DirectoryMapper::practitioner)
                .orElseThrow(() -> new ResourceNotFoundException("Practitioner/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<Practitioner> all() {
        return staff.all().stream().map(DirectoryMapper::practitioner).toList();
    }
}
