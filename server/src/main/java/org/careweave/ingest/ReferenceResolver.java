package org.careweave.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careweave.person.PersonMatching;
import org.careweave.record.RecordImport;
import org.springframework.stereotype.Component;

/**
 * Checks every reference of a bundle: {@code urn:uuid} fullUrls must be entries of the bundle; {@code Type/id} and
 * conditional {@code Type?identifier=system|value} references must name an entry of the bundle or something the same
 * partner sent before; absolute URLs to other servers and contained ({@code #id}) references are left as they are.
 * Then finds the person each record item is about.
 */
@Component
class ReferenceResolver {

    private final DirectoryResources directory;
    private final PersonMatching persons;
    private final RecordImport records;

    ReferenceResolver(DirectoryResources directory, PersonMatching persons, RecordImport records) {
        this.directory = directory;
        this.persons = persons;
        this.records = records;
    }

    /**
     * Adds a problem to every entry with a reference that leads nowhere, or whose patient cannot be found.
     *
     * @return the bundle's entries by every name a reference may give them
     */
    BundleIndex resolve(long source, List<Entry> entries) {
        BundleIndex index = new BundleIndex(entries);
        // Bundles name the same patient, encounter and practitioners thousands of times: each is looked at once.
        Set<String> distinct = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.facts != null) {
                distinct.addAll(entry.facts.references());
            }
        }
        Set<String> conditional = new HashSet<>();
        Set<String> literal = new HashSet<>();
        distinct.forEach(r -> collectOutside(index, r, conditional, literal));
        Stored stored = stored(source, conditional, literal);
        Map<String, String> problems = new HashMap<>();
        for (String reference : distinct) {
            String problem = check(index, stored, reference);
            if (problem != null) {
                problems.put(reference, problem);
            }
        }
        for (Entry entry : entries) {
            if (entry.facts == null || problems.isEmpty()) {
                continue;
            }
            for (String reference : entry.facts.references()) {
                String problem = problems.get(reference);
                if (problem != null) {
                    entry.problems.add("refers to " + reference + ", " + problem);
                }
            }
        }
        entries.stream().filter(e -> e.kind == ResourceKinds.RECORD_ITEM && e.ok())
                .forEach(e -> findPatient(index, stored, e, 0));
        return index;
    }

    private static void collectOutside(BundleIndex index, String reference, Set<String> conditional, Set<String> literal) {
        if (index.find(reference) != null) {
            return;
        }
        String typedIdentifier = typedIdentifier(reference);
        if (typedIdentifier != null) {
            conditional.add(typedIdentifier);
        } else if (Entry.relative(reference) != null) {
            String[] parts = Entry.relative(reference);
            literal.add(parts[0] + "/" + parts[1]);
        }
    }

    private Stored stored(long source, Set<String> conditional, Set<String> literal) {
        Map<String, Long> patients = new HashMap<>();
        for (String key : conditional) {
            if (key.startsWith("Patient|")) {
                String[] parts = key.split("\\|", 3);
                persons.personOfIdentifier(source, parts[1], parts[2]).ifPresent(p -> patients.put(key, p));
            }
        }
        for (String key : literal) {
            if (key.startsWith("Patient/")) {
                persons.personOfSourcePatient(source, key.substring(8)).ifPresent(p -> patients.put(key, p));
            }
        }
        Set<String> found = new HashSet<>(directory.withIdentifiers(source, conditional));
        found.addAll(directory.withIds(source, literal));
        Map<String, Long> items = records.personsOf(source, literal);
        found.addAll(items.keySet());
        found.addAll(patients.keySet());
        return new Stored(found, patients, items);
    }

    private static String check(BundleIndex index, Stored stored, String reference) {
        if (reference.startsWith("#") || index.find(reference) != null) {
            return null;
        }
        if (reference.startsWith("urn:")) {
            return "which is not the fullUrl of any entry in this bundle";
        }
        if (reference.contains("?")) {
            String key = typedIdentifier(reference);
            if (key == null) {
                return "a conditional reference CareWeave cannot resolve; use Type?identifier=system|value";
            }
            return stored.found.contains(key) ? null
                    : "which matches no entry of this bundle and nothing this organisation sent before";
        }
        String[] relative = Entry.relative(reference);
        if (relative != null) {
            if (!ResourceKinds.known(relative[0])) {
                return "but '" + relative[0] + "' is not a FHIR R4 resource type";
            }
            return stored.found.contains(relative[0] + "/" + relative[1]) ? null
                    : "which is neither in this bundle nor anything this organisation sent before";
        }
        return reference.startsWith("http://") || reference.startsWith("https://") ? null
                : "which is not a reference CareWeave understands (Type/id, urn:uuid:..., Type?identifier=..., or a URL)";
    }

    /** Finds the person an item is about through its patient (or, for Provenance, its targets). */
    private static void findPatient(BundleIndex index, Stored stored, Entry entry, int depth) {
        for (String reference : entry.facts.patientReferences()) {
            Entry target = index.find(reference);
            if (target != null && target.kind == ResourceKinds.PATIENT) {
                entry.patientEntry = target;
                return;
            }
            if (target != null && target.kind == ResourceKinds.RECORD_ITEM && target != entry && depth < 3) {
                findPatient(index, stored, target, depth + 1);
                if (target.patientEntry != null || target.personId != null) {
                    entry.patientEntry = target.patientEntry;
                    entry.personId = target.personId;
                    return;
                }
            }
            String key = storedKey(reference);
            Long person = key == null ? null : stored.patients.getOrDefault(key, stored.items.get(key));
            if (person != null) {
                entry.personId = person;
                return;
            }
        }
        if (depth == 0) {
            entry.problems.add(entry.facts.patientReferences().isEmpty()
                    ? "does not say which patient it is about (patient or subject)"
                    : "is about " + entry.facts.patientReferences().get(0)
                            + ", which is not a Patient in this bundle or one this organisation sent before");
        }
    }

    /** "Type|system|value" for a conditional reference, "Type/id" for a relative one, else null. */
    static String storedKey(String reference) {
        String typedIdentifier = typedIdentifier(reference);
        if (typedIdentifier != null) {
            return typedIdentifier;
        }
        String[] relative = Entry.relative(reference);
        return relative == null ? null : relative[0] + "/" + relative[1];
    }

    /** "Type?identifier=system|value" as "Type|system|value", or null. */
    static String typedIdentifier(String reference) {
        int question = reference.indexOf('?');
        if (question < 1 || !reference.startsWith("identifier=", question + 1)) {
            return null;
        }
        String value = URLDecoder.decode(reference.substring(question + 12), StandardCharsets.UTF_8);
        return value.contains("|") && !value.contains("&") ? reference.substring(0, question) + "|" + value : null;
    }

    private record Stored(Set<String> found, Map<String, Long> patients, Map<String, Long> items) {
    }
}
