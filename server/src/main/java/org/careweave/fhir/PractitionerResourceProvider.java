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

    PractitionerResourceProvider(Staff staff) {
        this.staff = staff;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return staff.member(FhirErrors.idOf(id.getIdPart(), "Practitioner")).map(DirectoryMapper::practitioner)
                .orElseThrow(() -> new ResourceNotFoundException("Practitioner/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<Practitioner> all() {
        return staff.all().stream().map(DirectoryMapper::practitioner).toList();
    }
}
