package org.careweave.ingest;

import java.util.ArrayList;
import java.util.List;

import org.careweave.record.ItemOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps a served copy (V79) of each stored resource with many references, made while its bundle still knows where
 * they point: Synthea's Provenance names every resource of its bundle, and serving it then costs a copy of text
 * instead of a parse, a lookup per reference and a rewrite. Resources with fewer references are served from their
 * JSON as sent, which costs little.
 */
@Repository
class ServedCopies {

    /** From this many distinct references, a served copy is kept. */
    static final int MANY = 32;

    private final JdbcClient jdbc;
    private final ServedCopyMaker maker;

    ServedCopies(JdbcClient jdbc, ServedCopyMaker maker) {
        this.jdbc = jdbc;
        this.maker = maker;
    }

    /**
     * For the record items just stored or changed (not those a resend left as they were); a changed item with few
     * references loses its copy, which would no longer be served anyway (a copy serves only its own version).
     */
    void keep(BundleIndex index, List<Entry> items) {
        List<Long> ids = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        List<Long> updatedWithFew = new ArrayList<>();
        for (Entry entry : items) {
            if (!entry.ok() || entry.change == ItemOutcome.Change.UNCHANGED) {
                continue;
            }
            if (entry.facts.references().size() >= MANY) {
                ids.add(entry.id);
                versions.add(entry.version);
                copies.add(maker.copyOf(entry.raw.raw(), reference -> itemTarget(index, reference)));
            } else if (entry.change == ItemOutcome.Change.UPDATED) {
                updatedWithFew.add(entry.id);
            }
        }
        if (!updatedWithFew.isEmpty()) {
            jdbc.sql("delete from record_item_served_copy where item_id = any(cast(:ids as bigint[]))")
                    .param("ids", updatedWithFew.toArray(Long[]::new)).update();
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into record_item_served_copy (item_id, version, json)
                        select * from unnest(cast(:ids as bigint[]), cast(:versions as int[]), cast(:copies as text[]))
                        on conflict (item_id) do update set version = excluded.version, json = excluded.json""")
                .param("ids", ids.toArray(Long[]::new)).param("versions", versions.toArray(Integer[]::new))
                .param("copies", copies.toArray(String[]::new)).update();
    }

    /** The record item of the bundle a reference names; patients and shared resources are resolved when served. */
    private static String itemTarget(BundleIndex index, String reference) {
        Entry target = index.find(reference);
        return target != null && target.ok() && target.kind == ResourceKinds.RECORD_ITEM && target.id != 0
                ? target.type + "/" + target.id : null;
    }
}
