package org.careweave.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.ingest.ReceivedResources;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Stored resources keep the references their sender wrote: {@code urn:uuid:} fullUrls of the bundle, the sender's
 * own {@code Type/id}, conditional {@code Type?identifier=system|value}. When served, each is replaced by the
 * {@code Type/id} of what CareWeave serves for it, in the served copy only; the stored JSON is never changed.
 * References that lead to nothing CareWeave holds (another server's URL, contained resources) are left as written.
 */
@Component
class ReferenceRewriter {

    private final FhirContext fhir;
    private final ReceivedResources received;

    ReferenceRewriter(FhirContext fhir, ReceivedResources received) {
        this.fhir = fhir;
        this.received = received;
    }

    /** A resource about to be served, as one of its sender's. */
    record Sent(Resource resource, long sourceOrganisationId) {
    }

    /**
     * Rewrites the references of all these resources, looking them all up in one statement.
     *
     * @return the served {@code Type/id} every rewritten reference now names, for {@code _include}
     */
    Set<String> rewrite(List<Sent> resources) {
        List<List<Reference>> references = new ArrayList<>(resources.size());
        Set<ReceivedResources.SourceReference> wanted = new HashSet<>();
        for (Sent sent : resources) {
            List<Reference> found = new ArrayList<>();
            for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(sent.resource(), Reference.class)) {
                String text = reference.getReference();
                if (text != null && !text.startsWith("#")) {
                    found.add(reference);
                    wanted.add(new ReceivedResources.SourceReference(sent.sourceOrganisationId(), text));
                }
            }
            references.add(found);
        }
        Map<ReceivedResources.SourceReference, String> targets = received.targets(wanted);
        Set<String> named = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            long source = resources.get(i).sourceOrganisationId();
            for (Reference reference : references.get(i)) {
                String target = targets.get(new ReceivedResources.SourceReference(source, reference.getReference()));
                if (target != null) {
                    int slash = target.indexOf('/');
                    String type = target.substring(0, slash);
                    String id = target.substring(slash + 1);
                    if (Character.isDigit(id.charAt(0)) && !type.equals("Patient")) {
                        target = type + "/" + RecordItemMapper.servedId(type, Long.parseLong(id));
                    }
                    reference.setReference(target);
                    named.add(target);
                }
            }
        }
        return named;
    }
}
