package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.careweave.organisation.Staff;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.springframework.stereotype.Component;

/** Each role a member of staff holds at an organisation, as FHIR PractitionerRole. */
@Component
class PractitionerRoleResourceProvider implements IResourceProvider {

    private final Staff staff;
    private final SharedResources shared;

    PractitionerRoleResourceProvider(Staff staff, SharedResources shared) {
        this.staff = staff;
        this.shared = shared;
    }

    /** Roles partners sent (d&lt;n&gt;), as received; staff roles are found by search. */
    @Read
    public PractitionerRole read(@IdParam IdType id) {
        return (PractitionerRole) this.shared.read("PractitionerRole", id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException("PractitionerRole/" + id.getIdPart()
                        + " does not exist; the roles of CareWeave staff are found by search"));
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Search
    public List<PractitionerRole> search(@OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
                                         @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization) {
        return staff.all().stream()
                .filter(m -> practitioner == null || Long.toString(m.id()).equals(practitioner.getIdPart()))
                .flatMap(m -> m.roles().stream()
                        .filter(r -> organization == null || Long.toString(r.organisationId()).equals(organization.getIdPart()))
                        .map(r -> DirectoryMapper.role(m, r)))
                .toList();
    }
}
