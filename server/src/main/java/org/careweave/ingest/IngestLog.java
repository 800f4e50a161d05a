package org.careweave.ingest;

import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.record.ItemOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provenance of every accepted bundle: who sent it for which organisation, when, and what it changed. */
@Repository
class IngestLog {

    private final JdbcClient jdbc;

    IngestLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(AccessContext who, ParsedBundle bundle, List<Entry> entries, int durationMs) {
        int failed = (int) entries.stream().filter(e -> !e.ok()).count();
        int created = count(entries, ItemOutcome.Change.CREATED);
        int changed = count(entries, ItemOutcome.Change.UPDATED);
        jdbc.sql("""
                        insert into ingest_bundle (source_org_id, client_id, bundle_type, bundle_id, entries, created,
                                                   updated, unchanged, failed, bytes, duration_ms)
                        values (:source, :client, :type, :id, :entries, :created, :updated, :unchanged, :failed,
                                :bytes, :duration)""")
                .param("source", who.actingOrganisationId()).param("client", who.actor())
                .param("type", bundle.type()).param("id", bundle.id()).param("entries", entries.size())
                .param("created", created).param("updated", changed)
                .param("unchanged", entries.size() - failed - created - changed).param("failed", failed)
                .param("bytes", bundle.bytes()).param("duration", durationMs)
                .update();
    }

    private static int count(List<Entry> entries, ItemOutcome.Change change) {
        return (int) entries.stream().filter(e -> e.ok() && e.change == change).count();
    }
}
