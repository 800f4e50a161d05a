package org.careweave.ingest;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.careweave.record.ItemOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Keeps, for stored resources with many references into their own bundle, where each of those references points (see
 * V77). The bundle already resolved them; keeping the answer spares a lookup per reference every time one is served.
 * Resources with fewer references are resolved when served, which costs little.
 */
@Repository
class BundleTargets {

    /** From this many references to other stored entries of the bundle, they are kept. */
    static final int MANY = 32;

    /**
     * The kept references are the object's property names, thousands of them and each met once: canonicalizing them
     * when read back, as parsers do for a document's few recurring names, only fills and rehashes the symbol table.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build();

    private final JdbcClient jdbc;

    BundleTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For the record items just stored or changed (not those a resend left as they were); a changed item that no
     * longer has many loses what was kept for it.
     */
    void keep(BundleIndex index, List<Entry> items) {
        List<Long> ids = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<Long> updatedWithFew = new ArrayList<>();
        for (Entry entry : items) {
            if (!entry.ok() || entry.change == ItemOutcome.Change.UNCHANGED) {
                continue;
            }
            String json = entry.facts.references().size() >= MANY ? targets(index, entry) : null;
            if (json != null) {
                ids.add(entry.id);
                targets.add(json);
            } else if (entry.change == ItemOutcome.Change.UPDATED) {
                updatedWithFew.add(entry.id);
            }
        }
        if (!updatedWithFew.isEmpty()) {
            jdbc.sql("delete from record_item_bundle_targets where item_id = any(cast(:ids as bigint[]))")
                    .param("ids", updatedWithFew.toArray(Long[]::new)).update();
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into record_item_bundle_targets (item_id, targets)
                        select * from unnest(cast(:ids as bigint[]), cast(:targets as text[]))
                        on conflict (item_id) do update set targets = excluded.targets""")
                .param("ids", ids.toArray(Long[]::new)).param("targets", targets.toArray(String[]::new)).update();
    }

    /** @return the JSON object, or null when fewer than {@link #MANY} references lead to stored entries */
    private static String targets(BundleIndex index, Entry entry) {
        StringWriter out = new StringWriter();
        int kept = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (String reference : new LinkedHashSet<>(entry.facts.references())) {
                Entry target = index.find(reference);
                if (target != null && target.ok() && target.kind != ResourceKinds.PATIENT && target.id != 0) {
                    String id = target.kind == ResourceKinds.DIRECTORY
                            ? ReceivedResources.SHARED_ID_PREFIX + target.id : Long.toString(target.id);
                    json.writeStringProperty(reference, target.type + "/" + id);
                    kept++;
                }
            }
            json.writeEndObject();
        }
        return kept >= MANY ? out.toString() : null;
    }

    /** The kept JSON object as a map from the reference as written to where it points. */
    static Map<String, String> decode(String json) {
        // About 70 characters a pair, and a map at most 3/4 full: sized once rather than grown by doubling.
        Map<String, String> targets = new HashMap<>(json.length() / 48);
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            String reference;
            while ((reference = parser.nextName()) != null) {
                parser.nextToken();
                targets.put(reference, parser.getString());
            }
        }
        return targets;
    }
}
