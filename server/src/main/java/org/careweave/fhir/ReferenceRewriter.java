package org.careweave.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careweave.ingest.ReceivedResources;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Stored resources keep the references their sender wrote: {@code urn:uuid:} fullUrls of the bundle, the sender's
 * own {@code Type/id}, conditional {@code Type?identifier=system|value}. When served, each is replaced by the
 * {@code Type/id} of what CareWeave serves for it, in the served copy only; the stored JSON is never changed.
 * References that lead to nothing CareWeave holds (another server's URL, contained resources) are left as written.
 */
@Component
class ReferenceRewriter {

    private final ReceivedResources received;

    ReferenceRewriter(ReceivedResources received) {
        this.received = received;
    }

    /** A stored resource about to be served: its JSON as its sender wrote it, and its record item id if it is one. */
    record Sent(String json, long sourceOrganisationId, Long itemId) {
    }

    /**
     * Finds the references in all these resources and looks up, in one statement, those whose targets were not kept
     * at ingest (see {@link ReceivedResources#bundleTargets}).
     *
     * @return for each resource, in order, the served {@code Type/id} for each reference in it that CareWeave rewrites
     */
    List<Map<String, String>> served(List<Sent> resources) {
        List<Set<String>> written = new ArrayList<>(resources.size());
        List<Long> many = new ArrayList<>();
        for (Sent sent : resources) {
            Set<String> found = referencesIn(sent.json());
            written.add(found);
            if (sent.itemId() != null && found.size() >= ReceivedResources.BUNDLE_TARGETS_KEPT_FROM) {
                many.add(sent.itemId());
            }
        }
        Map<Long, Map<String, String>> kept = received.bundleTargets(many);
        List<Map<String, String>> known = new ArrayList<>(resources.size());
        Set<ReceivedResources.SourceReference> wanted = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            Map<String, String> keptHere = kept.getOrDefault(resources.get(i).itemId(), Map.of());
            known.add(keptHere);
            long source = resources.get(i).sourceOrganisationId();
            written.get(i).stream().filter(reference -> !keptHere.containsKey(reference))
                    .forEach(reference -> wanted.add(new ReceivedResources.SourceReference(source, reference)));
        }
        Map<ReceivedResources.SourceReference, String> targets = received.targets(wanted);
        List<Map<String, String>> served = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            Map<String, String> rewritten = new HashMap<>();
            for (String reference : written.get(i)) {
                String target = known.get(i).get(reference);
                if (target == null) {
                    target = targets.get(new ReceivedResources.SourceReference(
                            resources.get(i).sourceOrganisationId(), reference));
                }
                if (target != null) {
                    rewritten.put(reference, servedTarget(target));
                }
            }
            served.add(rewritten);
        }
        return served;
    }

    /**
     * The value of every {@code reference} string property, at any depth (Reference.reference, in contained resources
     * and extensions too), except local references to contained resources ({@code #id}).
     */
    static Set<String> referencesIn(String json) {
        Set<String> references = new HashSet<>();
        try (JsonParser parser = StoredJson.FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("reference")
                        && parser.nextToken() == JsonToken.VALUE_STRING) {
                    String reference = parser.getString();
                    if (!reference.startsWith("#")) {
                        references.add(reference);
                    }
                }
            }
        }
        return references;
    }

    /** Record items are served under their served id ({@code CareTeam/r1}); patients and shared resources as found. */
    private static String servedTarget(String target) {
        int slash = target.indexOf('/');
        String type = target.substring(0, slash);
        String id = target.substring(slash + 1);
        return Character.isDigit(id.charAt(0)) && !type.equals("Patient")
                ? type + "/" + RecordItemMapper.servedId(type, Long.parseLong(id)) : target;
    }
}
