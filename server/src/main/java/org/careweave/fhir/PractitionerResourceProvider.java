package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.organisation.Staff;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/** Staff as FHIR Practitioner. */
@Component
class PractitionerResourceProvider implements IResourceProvider {

    private final Staff staff;
    private final SharedResources shared;

    PractitionerResourceProvider(Staff staff, SharedResources shared) {
        this.staff = staff;
        this.shared = shared;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    /** Staff have plain ids; practitioners partners sent (d&lt;n&gt;) are served as received. */
    @Read
    public Practitioner read(@IdParam IdType id) {
        var received = this.shared.read("Practitioner", id.getIdPart());
        if (received.isPresent()) {
            return (Practitioner) received.get();
        }
        return staff.member(FhirErrors.idOf(id.getIdPart(), "Practitioner")).map(DirectoryMapper::practitioner)
                .orElseThrow(() -> new ResourceNotFoundException("Practitioner/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<Practitioner> all() {
        return staff.all().stream().map(DirectoryMapper::practitioner).toList();
    }
}
