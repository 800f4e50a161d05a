package org.careweave.record;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes many record items in a few statements, whatever their number: one lookup of what the source sent before,
 * COPY for new items, and COPY into a staging table plus one upsert for changed ones.
 */
@Repository
class RecordItemWriter {

    // Kept for the session and emptied at each commit: creating and dropping it per transaction rewrote the catalog
    // every time and doubled the database's work for single-item updates (HL7v2 ADT, bench/README.md).
    private static final String STAGE = """
            create temp table if not exists record_item_stage (
                ord int, person_id bigint, resource_type text, category text, code_system text, code text,
                display text, status text, effective_start timestamptz, effective_end timestamptz,
                value_numeric numeric, value_unit text, sensitivity text, source_id text, full_url text, content_hash bytea,
                resource text) on commit delete rows""";

    private static final String UPSERT = """
            with up as (
                insert into record_item as r (person_id, resource_type, category, code_system, code, display, status,
                                              effective_start, effective_end, value_numeric, value_unit,
                                              sensitivity, source_org_id, source_id, full_url, content_hash, resource)
                select person_id, resource_type, category, code_system, code, display, status, effective_start,
                       effective_end, value_numeric, value_unit, sensitivity, :source, source_id, full_url, content_hash, resource
                  from record_item_stage
                on conflict (source_org_id, resource_type, source_id) do update
                   set person_id = excluded.person_id, category = excluded.category,
                       code_system = excluded.code_system, code = excluded.code, display = excluded.display,
                       status = excluded.status, effective_start = excluded.effective_start,
                       effective_end = excluded.effective_end, value_numeric = excluded.value_numeric,
                       value_unit = excluded.value_unit, sensitivity = excluded.sensitivity, full_url = excluded.full_url,
                       content_hash = excluded.content_hash, resource = excluded.resource,
                       version = r.version + 1, received_at = now()
                 where r.content_hash is distinct from excluded.content_hash
                returning r.id, r.resource_type, r.source_id, r.version, (r.xmax = 0) as created)
            select s.ord, coalesce(up.id, r.id) as id, coalesce(up.version, r.version) as version,
                   case when up.id is null then 'UNCHANGED' when up.created then 'CREATED' else 'UPDATED' end as change
              from record_item_stage s
              left join up on up.resource_type = s.resource_type and up.source_id = s.source_id
              left join record_item r on r.source_org_id = :source and r.resource_type = s.resource_type
                                     and r.source_id = s.source_id
             order by s.ord""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RecordItemWriter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * New items (the usual case) are copied straight into record_item with ids drawn beforehand; items already held
     * with the same content hash are not sent to the database at all; changed items go through the staging upsert,
     * as do new ones when a concurrent import inserted the same items first.
     */
    List<ItemOutcome> upsert(long source, List<IncomingItem> items) {
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        Map<String, Held> held = held(source, items);
        List<Integer> fresh = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            IncomingItem item = items.get(i);
            Held existing = held.get(item.resourceType() + "/" + item.sourceId());
            if (existing == null) {
                fresh.add(i);
            } else if (Arrays.equals(existing.hash, item.contentHash())) {
                outcomes[i] = new ItemOutcome(existing.id, existing.version, ItemOutcome.Change.UNCHANGED);
            } else {
                changed.add(i);
            }
        }
        if (!fresh.isEmpty() && !insertFresh(source, items, fresh, outcomes)) {
            changed.addAll(fresh);
        }
        if (!changed.isEmpty()) {
            staged(source, items, changed, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    private record Held(long id, int version, byte[] hash) {
    }

    private Map<String, Held> held(long source, List<IncomingItem> items) {
        String[] types = items.stream().map(IncomingItem::resourceType).toArray(String[]::new);
        String[] ids = items.stream().map(IncomingItem::sourceId).toArray(String[]::new);
        Map<String, Held> held = new HashMap<>();
        jdbc.sql("""
                        select r.resource_type, r.source_id, r.id, r.version, r.content_hash
                          from unnest(cast(:types as text[]), cast(:ids as text[])) k(resource_type, source_id)
                          join record_item r on r.source_org_id = :source and r.resource_type = k.resource_type
                                            and r.source_id = k.source_id""")
                .param("types", types).param("ids", ids).param("source", source)
                .query(rs -> {
                    held.put(rs.getString(1) + "/" + rs.getString(2),
                            new Held(rs.getLong(3), rs.getInt(4), rs.getBytes(5)));
                });
        return held;
    }

    /** @return false when the rows could not be copied (another import stored some of them first); nothing is then kept */
    private boolean insertFresh(long source, List<IncomingItem> items, List<Integer> fresh, ItemOutcome[] outcomes) {
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('record_item', 'id')) from generate_series(1, :n)")
                .param("n", fresh.size()).query(Long.class).list();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                copy(connection, "copy record_item (id, person_id, resource_type, category, code_system, code, display, "
                        + "status, effective_start, effective_end, value_numeric, value_unit, sensitivity, source_org_id, "
                        + "source_id, "
                        + "full_url, content_hash, resource) from stdin (format binary)", (rows, i) -> {
                    IncomingItem item = items.get(fresh.get(i));
                    rows.row(18).int8(ids.get(i)).int8(item.personId());
                    columns(rows, item, source);
                }, fresh.size());
                connection.releaseSavepoint(savepoint);
            } catch (SQLException | IOException e) {
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not store record items: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        for (int i = 0; i < fresh.size(); i++) {
            outcomes[fresh.get(i)] = new ItemOutcome(ids.get(i), 1, ItemOutcome.Change.CREATED);
        }
        return true;
    }

    private void staged(long source, List<IncomingItem> items, List<Integer> subset, ItemOutcome[] outcomes) {
        jdbc.sql(STAGE).update();
        jdbc.sql("delete from record_item_stage").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            copy(connection, "copy record_item_stage (ord, person_id, resource_type, category, code_system, code, "
                    + "display, status, effective_start, effective_end, value_numeric, value_unit, sensitivity, source_id, "
                    + "full_url, "
                    + "content_hash, resource) from stdin (format binary)", (rows, i) -> {
                IncomingItem item = items.get(subset.get(i));
                rows.row(17).int4(subset.get(i)).int8(item.personId());
                columns(rows, item, null);
            }, subset.size());
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("Could not stage record items: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql(UPSERT).param("source", source)
                .query(rs -> {
                    outcomes[rs.getInt("ord")] = new ItemOutcome(rs.getLong("id"), rs.getInt("version"),
                            ItemOutcome.Change.valueOf(rs.getString("change")));
                });
    }

    private static void columns(CopyBinary rows, IncomingItem item, Long source) {
        rows.text(item.resourceType()).text(item.category()).text(item.codeSystem()).text(item.code())
                .text(item.display()).text(item.status()).timestamptz(item.start()).timestamptz(item.end())
                .numeric(item.value()).text(item.unit()).text(item.sensitivity());
        if (source != null) {
            rows.int8(source);
        }
        rows.text(item.sourceId()).text(item.fullUrl()).bytes(item.contentHash()).bytes(item.resourceJson());
    }

    private interface RowWriter {
        void write(CopyBinary rows, int index);
    }

    private static void copy(Connection connection, String sql, RowWriter writer, int count)
            throws SQLException, IOException {
        try (OutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql);
             CopyBinary rows = new CopyBinary(copy)) {
            for (int i = 0; i < count; i++) {
                writer.write(rows, i);
            }
        }
    }

    java.util.Map<String, Long> personsOf(long source, java.util.Collection<String> keys) {
        java.util.Map<String, Long> found = new java.util.HashMap<>();
        jdbc.sql("""
                        select k, r.person_id from unnest(cast(:keys as text[])) k
                          join record_item r on r.source_org_id = :source
                                            and r.resource_type = split_part(k, '/', 1)
                                            and r.source_id = substr(k, length(split_part(k, '/', 1)) + 2)""")
                .param("keys", keys.toArray(String[]::new)).param("source", source)
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }
}
