package org.careweave.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careweave.record.ItemOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, locations, practitioners, medications and other shared resources partners send, as received. */
@Repository
class DirectoryResources {

    private final JdbcClient jdbc;

    DirectoryResources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new resources and updates changed ones (version + 1) in one statement; fills each entry's id and version. */
    void upsert(long source, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] urls = new String[n];
        String[] identifiers = new String[n];
        String[] hashes = new String[n];
        String[] resources = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            types[i] = entry.type;
            ids[i] = entry.sourceId;
            urls[i] = entry.raw.fullUrl();
            identifiers[i] = arrayLiteral(entry.facts.identifiers());
            hashes[i] = java.util.HexFormat.of().formatHex(entry.hash);
            resources[i] = new String(entry.raw.raw(), StandardCharsets.UTF_8);
        }
        Map<String, long[]> stored = new HashMap<>();
        jdbc.sql("""
                        with incoming as (
                            select * from unnest(cast(:types as text[]), cast(:ids as text[]), cast(:urls as text[]),
                                                 cast(:identifiers as text[]), cast(:hashes as text[]),
                                                 cast(:resources as text[]))
                                       as t(resource_type, source_id, full_url, identifiers, hash, resource)),
                        up as (
                            insert into directory_resource as d (source_org_id, resource_type, source_id, full_url,
                                                                 identifiers, content_hash, resource)
                            select :source, resource_type, source_id, full_url, cast(identifiers as text[]),
                                   decode(hash, 'hex'), cast(resource as jsonb) from incoming
                            on conflict (source_org_id, resource_type, source_id) do update
                               set full_url = excluded.full_url, identifiers = excluded.identifiers,
                                   content_hash = excluded.content_hash, resource = excluded.resource,
                                   version = d.version + 1, received_at = now()
                             where d.content_hash <> excluded.content_hash
                            returning d.id, d.resource_type, d.source_id, d.version, (d.xmax = 0) as created)
                        select i.resource_type, i.source_id, coalesce(up.id, d.id), coalesce(up.version, d.version),
                               case when up.id is null then 'UNCHANGED' when up.created then 'CREATED'
                                    else 'UPDATED' end
                          from incoming i
                          left join up on up.resource_type = i.resource_type and up.source_id = i.source_id
                          left join directory_resource d on d.source_org_id = :source
                                and d.resource_type = i.resource_type and d.source_id = i.source_id""")
                .param("types", types).param("ids", ids).param("urls", urls).param("identifiers", identifiers)
                .param("hashes", hashes).param("resources", resources).param("source", source)
                .query(rs -> {
                    stored.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getInt(4),
                            ItemOutcome.Change.valueOf(rs.getString(5)).ordinal()});
                });
        for (Entry entry : entries) {
            long[] row = stored.get(entry.key());
            entry.id = row[0];
            entry.version = (int) row[1];
            entry.change = ItemOutcome.Change.values()[(int) row[2]];
        }
    }

    /** Which of these "Type|system|value" conditional keys the source's stored resources answer. */
    java.util.Set<String> withIdentifiers(long source, Collection<String> typedIdentifiers) {
        if (typedIdentifiers.isEmpty()) {
            return java.util.Set.of();
        }
        String[] identifiers = typedIdentifiers.stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct()
                .toArray(String[]::new);
        java.util.Set<String> found = new java.util.HashSet<>();
        jdbc.sql("""
                        select d.resource_type || '|' || i from directory_resource d, unnest(d.identifiers) i
                         where d.source_org_id = :source and d.identifiers && cast(:identifiers as text[])
                           and i = any(cast(:identifiers as text[]))""")
                .param("source", source).param("identifiers", identifiers)
                .query(rs -> {
                    found.add(rs.getString(1));
                });
        found.retainAll(typedIdentifiers);
        return found;
    }

    /** Which of these "Type/id" keys the source has sent before. */
    java.util.Set<String> withIds(long source, Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select resource_type || '/' || source_id from directory_resource
                         where source_org_id = :source and resource_type || '/' || source_id = any(cast(:keys as text[]))""")
                .param("source", source).param("keys", keys.toArray(String[]::new)).query(String.class).list());
    }

    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
