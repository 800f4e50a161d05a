package org.careweave.fhir;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UriType;
import tools.jackson.core.JsonGenerator;

/**
 * A resource a partner sent, on its way to being served but not yet parsed. It rides on a <em>stub</em>: an empty
 * resource of its type that carries what CareWeave sets (the id and meta.versionId, lastUpdated and source), so the
 * stub can stand in a Bundle or be returned by a provider like any resource. A plain JSON answer copies the stored
 * JSON into the stub's place token by token ({@link StoredJson}); any other answer replaces the stub with the parsed
 * resource first ({@link #materialized}). Either way the id and those three meta elements are CareWeave's (replacing
 * the sender's, with any extensions on them), the rest of the sender's meta is kept, and each reference in
 * {@code references} is rewritten.
 *
 * @param json       the resource as its sender wrote it or, when {@code servedCopy}, its served copy ({@link ServedCopyJson})
 * @param references the served {@code Type/id} for each reference as written that CareWeave rewrites (in a served
 *                   copy, of those it left as sent)
 */
record StoredResource(String json, boolean servedCopy, Map<String, String> references) {

    private static final String USER_DATA = StoredResource.class.getName();

    /** An empty resource of this type carrying the stored resource; the caller sets its id and meta. */
    static Resource stub(FhirContext fhir, String resourceType, StoredResource stored) {
        Resource stub = (Resource) fhir.getResourceDefinition(resourceType).newInstance();
        stub.setUserData(USER_DATA, stored);
        return stub;
    }

    /**
     * Sets what CareWeave sets on every resource it serves from a partner's data or its own record, stub or not: the
     * served id, and meta.versionId, lastUpdated and source (the organisation that sent or recorded it), as whole
     * elements.
     */
    static void stamp(Resource resource, String type, String servedId, int version, Instant receivedAt,
                      long sourceOrganisationId) {
        resource.setIdElement(new IdType(type, servedId));
        resource.getMeta().setVersionIdElement(new IdType(Integer.toString(version)))
                .setLastUpdatedElement(new InstantType(Date.from(receivedAt)))
                .setSourceElement(new UriType("Organization/" + sourceOrganisationId));
    }

    /** The stored resource a stub carries, or null for any other resource. */
    static StoredResource of(IBaseResource resource) {
        return resource instanceof Resource r && r.getUserData(USER_DATA) instanceof StoredResource stored ? stored : null;
    }

    /** The resource itself or, for a stub, the stored resource parsed, with the stub's id and meta and its references rewritten. */
    static Resource materialized(FhirContext fhir, Resource resource) {
        StoredResource stored = of(resource);
        if (stored == null) {
            return resource;
        }
        if (stored.servedCopy()) {
            StringWriter json = new StringWriter(stored.json().length() + 200);
            try (JsonGenerator out = StoredJson.FACTORY.createGenerator(json)) {
                StoredJson.write(out, resource, null);
            }
            Resource parsed = (Resource) fhir.newJsonParser().parseResource(json.toString());
            return parsed.setIdElement(resource.getIdElement());
        }
        Resource parsed = (Resource) fhir.newJsonParser().parseResource(stored.json());
        parsed.setIdElement(resource.getIdElement());
        parsed.getMeta().setVersionIdElement(resource.getMeta().getVersionIdElement())
                .setLastUpdatedElement(resource.getMeta().getLastUpdatedElement())
                .setSourceElement(resource.getMeta().getSourceElement());
        if (!stored.references().isEmpty()) {
            for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(parsed, Reference.class)) {
                String served = stored.references().get(reference.getReference());
                if (served != null) {
                    reference.setReference(served);
                }
            }
        }
        return parsed;
    }
}
