package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/** Read of one type of shared resource that only partners supply (locations, medications), one provider each. */
class SharedResourceProvider implements IResourceProvider {

    static final List<String> TYPES = List.of("Location", "Medication");

    private final SharedResources shared;
    private final Class<? extends Resource> type;

    @SuppressWarnings("unchecked")
    SharedResourceProvider(FhirContext fhir, SharedResources shared, String type) {
        this.shared = shared;
        this.type = (Class<? extends Resource>) fhir.getResourceDefinition(type).getImplementingClass();
    }

    @Override
    public Class<? extends Resource> getResourceType() {
        return type;
    }

    @Read
    public Resource read(@IdParam IdType id) {
        String name = type.getSimpleName();
        return shared.read(name, id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(name + "/" + id.getIdPart() + " does not exist"));
    }
}
