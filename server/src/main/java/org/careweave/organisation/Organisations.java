package org.careweave.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations taking part in the neighbourhood. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every organisation with its parent and sites, ordered by type (as {@link OrganisationType}) then name. */
    public List<DirectoryEntry> directory() {
        Map<Long, List<DirectoryEntry.Site>> sites = sitesByOrganisation();
        return jdbc.sql("""
                        select o.id, o.ods_code, o.name, o.type, o.postcode, p.name as parent_name
                          from organisation o left join organisation p on p.id = o.parent_id
                         order by o.name, o.ods_code""")
                .query((rs, n) -> new DirectoryEntry(rs.getLong("id"), rs.getString("ods_code"), rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("type")), rs.getString("parent_name"),
                        rs.getString("postcode"), sites.getOrDefault(rs.getLong("id"), List.of())))
                .list().stream()
                .sorted((a, b) -> a.type().compareTo(b.type()))
                .toList();
    }

    private Map<Long, List<DirectoryEntry.Site>> sitesByOrganisation() {
        Map<Long, List<DirectoryEntry.Site>> sites = new LinkedHashMap<>();
        jdbc.sql("select organisation_id, name, postcode from site order by name")
                .query(rs -> {
                    sites.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new DirectoryEntry.Site(rs.getString(2), rs.getString(3)));
                });
        return sites;
    }
}
