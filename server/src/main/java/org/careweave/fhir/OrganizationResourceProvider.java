package org.careweave.fhir;

import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.organisation.Organisations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** The organisations taking part: read, and search by ODS code or name. */
@Component
class OrganizationResourceProvider implements IResourceProvider {

    private final Organisations organisations;
    private final SharedResources shared;

    OrganizationResourceProvider(Organisations organisations, SharedResources shared) {
        this.organisations = organisations;
        this.shared = shared;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    /** Organisations taking part have plain ids; those partners sent (d&lt;n&gt;) are served as received. */
    @Read
    public Organization read(@IdParam IdType id) {
        var received = this.shared.read("Organization", id.getIdPart());
        if (received.isPresent()) {
            return (Organization) received.get();
        }
        return organisations.find(FhirErrors.idOf(id.getIdPart(), "Organization")).map(DirectoryMapper::organisation)
                .orElseThrow(() -> new ResourceNotFoundException("Organization/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<Organization> search(@OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
                                     @OptionalParam(name = Organization.SP_NAME) StringParam name) {
        return organisations.all().stream()
                .filter(o -> identifier == null || (o.odsCode().equals(identifier.getValue())
                        && (identifier.getSystem() == null || identifier.getSystem().isEmpty()
                            || DirectoryMapper.ODS_SYSTEM.equals(identifier.getSystem()))))
                .filter(o -> name == null || o.name().toLowerCase(Locale.ROOT)
                        .contains(name.getValue().toLowerCase(Locale.ROOT)))
                .map(DirectoryMapper::organisation).toList();
    }
}
