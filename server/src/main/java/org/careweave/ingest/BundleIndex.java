package org.careweave.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bundle's entries by fullUrl, by Type/id and by Type|system|value identifier: what references within it name. */
final class BundleIndex {

    private final Map<String, Entry> byName = new HashMap<>();

    BundleIndex(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.kind == null) {
                continue;
            }
            if (entry.raw.fullUrl() != null) {
                byName.putIfAbsent(entry.raw.fullUrl(), entry);
            }
            byName.putIfAbsent(entry.key(), entry);
            for (String identifier : entry.facts.identifiers()) {
                byName.putIfAbsent(entry.type + "|" + identifier, entry);
            }
        }
    }

    /** The entry a reference names, or null when it names none of this bundle's. */
    Entry find(String reference) {
        Entry entry = byName.get(reference);
        if (entry != null) {
            return entry;
        }
        String key = ReferenceResolver.storedKey(reference);
        return key == null ? null : byName.get(key);
    }
}
