package org.careweave.record;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.careweave.access.DataCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Record items as stored. Organisation names come from the organisation reference table, read-only. */
@Repository
class RecordItems {

    private static final int MOST_ITEMS_PER_PERSON = 5000;

    private static final String TYPED = """
            i.id, i.person_id, i.resource_type, i.category, i.code_system, i.code, i.display,
                   i.status, i.effective_start, i.effective_end, i.value_numeric, i.value_unit, i.detail,
                   i.sensitivity, i.source_org_id, o.name as source_name, i.source_id, i.version,
                   i.received_at""";

    /** The organisation that sent each item, whose name {@link #TYPED} reads. */
    private static final String SOURCE = " join organisation o on o.id = i.source_org_id";

    private final JdbcClient jdbc;

    RecordItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The columns {@link #item} reads, of {@code record_item i} joined {@link #WITH} the rest: the typed columns, and
     * the resource to serve (its JSON as sent, or its served copy, see V79, which is then read instead).
     */
    static final String COLUMNS = TYPED
            + ", case when c.item_id is null then i.resource end as resource, c.json as served_copy";

    /** What {@link #COLUMNS} needs besides {@code record_item i}: the source's name and a current served copy. */
    static final String WITH = SOURCE
            + " left join record_item_served_copy c on c.item_id = i.id and c.version = i.version";

    static final String SELECT = "select " + COLUMNS + "\n  from record_item i" + WITH + "\n";

    /**
     * The typed columns only, for whole records read to be shown or scored: the resources (a few kilobytes each, and
     * a thousand items in a hospital record) are not read.
     */
    private static final String SELECT_TYPED = "select " + TYPED + ", null as resource, null as served_copy"
            + "\n  from record_item i" + SOURCE + "\n";

    java.util.Optional<RecordItem> byId(long id, String resourceType) {
        return jdbc.sql(SELECT + " where i.id = :id and i.resource_type = :type")
                .param("id", id).param("type", resourceType).query(RecordItems::item).optional();
    }

    private static final String FILTERED = """
             where i.person_id = :person
               and (cardinality(cast(:types as text[])) = 0 or i.resource_type = any(cast(:types as text[])))
               and (cardinality(cast(:categories as text[])) = 0 or i.category = any(cast(:categories as text[])))
               and (cast(:source as bigint) is null or i.source_org_id = cast(:source as bigint))
               and (cast(:from as date) is null or i.effective_start >= cast(:from as date))
               and (cast(:to as date) is null or i.effective_start < cast(:to as date) + 1)
             order by i.effective_start desc nulls last, i.id desc
             limit :limit""";

    /** The items, without asking the access policy (for trusted paths only), with their typed columns only. */
    List<RecordItem> of(long personId, RecordFilter filter) {
        return filtered(jdbc.sql(SELECT_TYPED + FILTERED), personId, filter).query(RecordItems::item).list();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, long personId, RecordFilter filter) {
        return sql.param("person", personId)
                .param("types", filter.resourceTypes().toArray(String[]::new))
                .param("categories", filter.categories().toArray(String[]::new))
                .param("source", filter.sourceOrganisationId())
                .param("from", filter.from()).param("to", filter.to())
                .param("limit", MOST_ITEMS_PER_PERSON);
    }

    static RecordItem item(ResultSet rs, int row) throws SQLException {
        return new RecordItem(rs.getLong("id"), rs.getLong("person_id"), rs.getString("resource_type"),
                rs.getString("category"), DataCategory.ofItem(rs.getString("category"), rs.getString("sensitivity")),
                rs.getString("code_system"), rs.getString("code"), rs.getString("display"), rs.getString("status"),
                instant(rs.getTimestamp("effective_start")), instant(rs.getTimestamp("effective_end")),
                rs.getObject("value_numeric", BigDecimal.class), rs.getString("value_unit"), rs.getString("detail"),
                rs.getLong("source_org_id"), rs.getString("source_name"), rs.getString("source_id"),
                rs.getInt("version"), instant(rs.getTimestamp("received_at")), rs.getString("resource"),
                rs.getString("served_copy"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
