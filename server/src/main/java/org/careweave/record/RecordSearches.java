package org.careweave.record;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careweave.access.AccessFacts;
import org.careweave.person.PersonDetails;
import org.careweave.person.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Searches through one person's record items: the filters FHIR search offers, keyset paging, and the access facts
 * for the viewer, all in one statement.
 */
@Repository
class RecordSearches {

    private final JdbcClient jdbc;

    RecordSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param more   whether items lie beyond the last one in the direction read
     * @param groups the person's items of the searched type, whatever the other filters, counted by source, category
     *               and sensitivity, each with how many of them match the search
     */
    record Scanned(PersonDetails person, AccessFacts facts, List<RecordItem> items, boolean more, List<Group> groups) {
    }

    /**
     * Items counted by source, category and sensitivity, which is all the policy needs to decide whether they are
     * visible.
     *
     * @param all      the person's items in the group, of the searched type
     * @param matching those of them the search's filters select
     */
    record Group(long sourceOrganisationId, String sourceOrganisationName, String category, String sensitivity,
                 long all, long matching) {

        /** The group as {@link #page}'s {@code visible} names it. */
        String key() {
            return sourceOrganisationId + ":" + category + ":" + (sensitivity == null ? "" : sensitivity);
        }
    }

    /** How {@link Group#key} is written in SQL, for the row {@code i}. */
    private static final String GROUP_KEY = "i.source_org_id || ':' || i.category || ':' || coalesce(i.sensitivity, '')";

    record Counted(AccessFacts facts, List<Group> groups) {
    }

    /**
     * The person, up to {@code count} items in the query's order from its cursor, in reading order (a page read
     * backwards is turned round), and the person's items of the searched type counted in {@link Group}s. The page is
     * chosen on the sort keys alone and only its own rows are read whole, so a person with thousands of items costs
     * little more than one with ten.
     *
     * @param visible the groups (by {@link Group#key}) the page may hold, or null for any: a page must hold only
     *                items the viewer may see, or the search's filters would tell what the withheld ones are. Given,
     *                the groups are not counted again (the caller has them from the read without it)
     * @return empty when there is no such person
     */
    Optional<Scanned> page(RecordQuery query, Map<String, Object> accessParameters, java.util.Set<String> visible) {
        Filters filters = filters(query);
        boolean descending = query.sort().descending() == (query.cursor() == null || query.cursor().forward());
        String key = key(query.sort());
        String direction = descending ? " desc" : " asc";
        StringBuilder where = new StringBuilder(filters.scope).append(filters.content);
        if (visible != null) {
            where.append(" and ").append(GROUP_KEY).append(" = any(cast(:visible as text[]))");
            filters.params.put("visible", visible.toArray(String[]::new));
        }
        if (query.cursor() != null) {
            where.append(" and (").append(key).append(", i.id) ").append(descending ? "<" : ">")
                    .append(" (cast(:cursor_key as timestamptz), :cursor_id)");
            filters.params.put("cursor_key", query.cursor().key() == null ? "-infinity" : query.cursor().key().toString());
            filters.params.put("cursor_id", query.cursor().id());
        }
        // The page size is written into the statement rather than bound: a plan kept for every person (see
        // fhir.RecordSearch) must know the page is small to read it from the date index instead of sorting the record.
        String sql = "select " + Persons.columns("p", PERSON) + ", f.*, g.*, i.* from person p"
                + " cross join " + AccessFacts.sqlCall() + " f"
                + " cross join (" + (visible == null ? groupsSql(filters) : NO_GROUPS) + ") g"
                + " left join lateral (select k.sort_key, " + RecordItems.COLUMNS
                + " from (select i.id, " + key + " as sort_key from record_item i" + where
                + " order by sort_key" + direction + ", i.id" + direction + " limit " + (query.count() + 1) + ") k"
                + " join record_item i on i.id = k.id" + RecordItems.WITH + ") i on true"
                + " where p.id = :person"
                + " order by i.sort_key" + direction + ", i.id" + direction;
        List<RecordItem> items = new ArrayList<>();
        PersonDetails[] person = new PersonDetails[1];
        AccessFacts[] facts = new AccessFacts[1];
        List<Group> groups = new ArrayList<>();
        jdbc.sql(sql).params(filters.params).params(accessParameters)
                .query((ResultSet rs) -> {
                    if (facts[0] == null) {
                        person[0] = Persons.read(rs, PERSON);
                        facts[0] = AccessFacts.read(rs);
                        groups.addAll(groups(rs));
                    }
                    if (rs.getObject("id") != null) {
                        items.add(RecordItems.item(rs, 0));
                    }
                });
        if (person[0] == null) {
            return Optional.empty();
        }
        boolean more = items.size() > query.count();
        List<RecordItem> page = new ArrayList<>(more ? items.subList(0, query.count()) : items);
        if (query.cursor() != null && !query.cursor().forward()) {
            java.util.Collections.reverse(page);
        }
        return Optional.of(new Scanned(person[0], facts[0], page, more, groups));
    }

    /** Prefixes the person's columns in the page statement, apart from the item's own (both have an id). */
    private static final String PERSON = "person_row_";

    /**
     * One row of arrays, one element per group: the person's items of the searched type by source, category and
     * sensitivity, all of them and those the filters match. The source's name is read for the withheld report.
     */
    private static String groupsSql(Filters filters) {
        String matching = filters.content.isEmpty() ? "count(*)" : "count(*) filter (where true" + filters.content + ")";
        return "select array_agg(x.source_org_id) as group_source, array_agg(o.name) as group_source_name,"
                + " array_agg(x.category) as group_category, array_agg(x.sensitivity) as group_sensitivity,"
                + " array_agg(x.n_all) as group_all, array_agg(x.n_matching) as group_matching"
                + " from (select i.source_org_id, i.category, i.sensitivity, count(*) as n_all, " + matching
                + " as n_matching from record_item i" + filters.scope + " group by 1, 2, 3) x"
                + " join organisation o on o.id = x.source_org_id";
    }

    /** {@link #groupsSql}'s columns, empty. */
    private static final String NO_GROUPS = "select cast(null as bigint[]) as group_source,"
            + " cast(null as text[]) as group_source_name, cast(null as text[]) as group_category,"
            + " cast(null as text[]) as group_sensitivity, cast(null as bigint[]) as group_all,"
            + " cast(null as bigint[]) as group_matching";

    private static List<Group> groups(ResultSet rs) throws java.sql.SQLException {
        List<Group> groups = new ArrayList<>();
        Object[] sources = array(rs, "group_source");
        Object[] names = array(rs, "group_source_name");
        Object[] categories = array(rs, "group_category");
        Object[] sensitivities = array(rs, "group_sensitivity");
        Object[] all = array(rs, "group_all");
        Object[] matching = array(rs, "group_matching");
        for (int n = 0; n < sources.length; n++) {
            groups.add(new Group((Long) sources[n], (String) names[n], (String) categories[n],
                    (String) sensitivities[n], (Long) all[n], (Long) matching[n]));
        }
        return groups;
    }

    private static Object[] array(ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    Counted count(RecordQuery query, Map<String, Object> accessParameters) {
        Filters filters = filters(query);
        List<Group> groups = new ArrayList<>();
        AccessFacts[] facts = new AccessFacts[1];
        jdbc.sql("select f.*, g.* from " + AccessFacts.sqlCall() + " f cross join (" + groupsSql(filters) + ") g")
                .params(filters.params).params(accessParameters)
                .query((ResultSet rs) -> {
                    facts[0] = AccessFacts.read(rs);
                    groups.addAll(groups(rs));
                });
        return new Counted(facts[0], groups);
    }

    /** The date key must stay the expression record_item_person_date_idx is built on (V78), or pages sort again. */
    private static String key(RecordQuery.Sort sort) {
        return sort.byDate() ? "coalesce(i.effective_start, cast('-infinity' as timestamptz))" : "i.received_at";
    }

    /**
     * @param scope   the person's items of the searched type: " where ..."
     * @param content the search's other filters: " and ..." each, or empty
     */
    private record Filters(String scope, String content, Map<String, Object> params) {
    }

    private static Filters filters(RecordQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder scope = new StringBuilder(" where i.person_id = :person");
        params.put("person", query.personId());
        if (query.resourceType() != null) {
            scope.append(" and i.resource_type = :type");
            params.put("type", query.resourceType());
        }
        StringBuilder sql = new StringBuilder();
        anyOf(sql, params, query.codes(), "code", (token, name) -> token.system() == null ? "i.code = :" + name
                : token.system().isEmpty() ? "(i.code = :" + name + " and i.code_system is null)"
                : "(i.code = :" + name + " and i.code_system = :" + name + "_system)");
        anyOf(sql, params, query.categories(), "category", (token, name) -> {
            params.put(name + "_coding", Json.array(Json.object("coding", Json.array(coding(token)))).json());
            params.put(name + "_single", Json.object("coding", Json.array(coding(token))).json());
            String record = token.system() == null || token.system().equals(RecordQuery.CATEGORY_SYSTEM)
                    ? "i.category = :" + name + " or " : "";
            // The resource is kept as text: parse it once per row, not once per test.
            return "(" + record + "exists (select 1 from (select cast(i.resource as jsonb) -> 'category' as c) j"
                    + " where j.c @> cast(:" + name + "_coding as jsonb) or j.c @> cast(:" + name + "_single as jsonb)"
                    + (token.system() == null ? " or jsonb_exists(j.c, :" + name + ")" : "") + "))";
        });
        if (!query.statuses().isEmpty()) {
            sql.append(" and i.status = any(cast(:statuses as text[]))");
            params.put("statuses", query.statuses().toArray(String[]::new));
        }
        anyOf(sql, params, query.identifiers(), "identifier", (token, name) -> {
            params.put(name + "_json", Json.array(token.system() == null ? Json.object("value", token.code())
                    : Json.object("system", token.system(), "value", token.code())).json());
            return "cast(i.resource as jsonb) -> 'identifier' @> cast(:" + name + "_json as jsonb)";
        });
        range(sql, params, "i.effective_start", "date", query.dateFrom(), query.dateTo());
        range(sql, params, "i.received_at", "updated", query.updatedFrom(), query.updatedTo());
        return new Filters(scope.toString(), sql.toString(), params);
    }

    private static Json.Raw coding(RecordQuery.Token token) {
        return token.system() == null || token.system().isEmpty() ? Json.object("code", token.code())
                : Json.object("system", token.system(), "code", token.code());
    }

    private interface Condition {
        String sql(RecordQuery.Token token, String parameter);
    }

    /** Adds "and (a or b ...)" with one condition per token, binding each token's code and system. */
    private static void anyOf(StringBuilder sql, Map<String, Object> params, List<RecordQuery.Token> tokens,
                              String prefix, Condition condition) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        for (int n = 0; n < tokens.size(); n++) {
            RecordQuery.Token token = tokens.get(n);
            String name = prefix + n;
            params.put(name, token.code());
            params.put(name + "_system", token.system());
            alternatives.add(condition.sql(token, name));
        }
        sql.append(" and (").append(String.join(" or ", alternatives)).append(')');
    }

    private static void range(StringBuilder sql, Map<String, Object> params, String column, String name,
                              Instant from, Instant to) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= cast(:").append(name).append("_from as timestamptz)");
            params.put(name + "_from", from.toString());
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < cast(:").append(name).append("_to as timestamptz)");
            params.put(name + "_to", to.toString());
        }
    }

    /** Tiny JSON writer for the containment values above: keys and values are quoted, nested parts built here. */
    private static final class Json {

        record Raw(String json) {
        }

        static Raw object(Object... keysAndValues) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(quoted((String) keysAndValues[i])).append(':');
                Object value = keysAndValues[i + 1];
                json.append(value instanceof Raw raw ? raw.json() : quoted((String) value));
            }
            return new Raw(json.append('}').toString());
        }

        static Raw array(Raw element) {
            return new Raw("[" + element.json() + "]");
        }

        private static String quoted(String text) {
            StringBuilder json = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            return json.append('"').toString();
        }
    }
}
