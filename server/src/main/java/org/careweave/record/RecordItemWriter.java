package org.careweave.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes many record items in three statements: COPY into a temporary staging table, then one upsert that inserts
 * new items, updates changed ones (version + 1) and leaves identical ones alone, answering every item's id and version.
 */
@Repository
class RecordItemWriter {

    private static final String STAGE = """
            create temp table if not exists record_item_stage (
                ord int, person_id bigint, resource_type text, category text, code_system text, code text,
                display text, status text, effective_start timestamptz, effective_end timestamptz,
                value_numeric numeric, value_unit text, source_id text, full_url text, content_hash bytea,
                resource jsonb) on commit drop""";

    private static final String UPSERT = """
            with up as (
                insert into record_item as r (person_id, resource_type, category, code_system, code, display, status,
                                              effective_start, effective_end, value_numeric, value_unit,
                                              source_org_id, source_id, full_url, content_hash, resource)
                select person_id, resource_type, category, code_system, code, display, status, effective_start,
                       effective_end, value_numeric, value_unit, :source, source_id, full_url, content_hash, resource
                  from record_item_stage
                on conflict (source_org_id, resource_type, source_id) do update
                   set person_id = excluded.person_id, category = excluded.category,
                       code_system = excluded.code_system, code = excluded.code, display = excluded.display,
                       status = excluded.status, effective_start = excluded.effective_start,
                       effective_end = excluded.effective_end, value_numeric = excluded.value_numeric,
                       value_unit = excluded.value_unit, full_url = excluded.full_url,
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

    List<ItemOutcome> upsert(long source, List<IncomingItem> items) {
        jdbc.sql(STAGE).update();
        jdbc.sql("truncate record_item_stage").update();
        copy(items);
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        jdbc.sql(UPSERT).param("source", source)
                .query((rs, row) -> new ItemOutcome(rs.getLong("id"), rs.getInt("version"),
                        ItemOutcome.Change.valueOf(rs.getString("change"))))
                .stream().forEach(outcomes::add);
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException("Stored " + outcomes.size() + " of " + items.size()
                    + " items: each resource type and source id may occur only once");
        }
        return outcomes;
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

    private void copy(List<IncomingItem> items) {
        // The transaction's own connection, so the staged rows are visible to the upsert and vanish at commit.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream copy = new BufferedOutputStream(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy record_item_stage from stdin"), 1 << 16)) {
            CopyText rows = new CopyText(copy);
            for (int i = 0; i < items.size(); i++) {
                IncomingItem item = items.get(i);
                rows.field(i).field(item.personId()).field(item.resourceType()).field(item.category())
                        .field(item.codeSystem()).field(item.code()).field(item.display()).field(item.status())
                        .field(item.start()).field(item.end()).field(item.value()).field(item.unit())
                        .field(item.sourceId()).field(item.fullUrl()).hex(item.contentHash())
                        .field(item.resourceJson());
                rows.endRow();
            }
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("Could not stage record items: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
