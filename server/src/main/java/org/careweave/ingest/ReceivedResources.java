package org.careweave.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partners' bundles left behind, for reading back: the shared resources (organisations, locations,
 * practitioners, medications, ...) kept as received, and where the references partners wrote now point. A partner's
 * reference ({@code urn:uuid:} fullUrl, its own {@code Type/id}, or {@code Type?identifier=system|value}) only ever
 * means something the same partner sent, so each is resolved within its source organisation.
 */
@Service
@Transactional(readOnly = true)
public class ReceivedResources {

    /** Shared resources are served as {@code Type/d<n>}, apart from the platform's own organisations and staff. */
    public static final String SHARED_ID_PREFIX = "d";

    private final JdbcClient jdbc;

    ReceivedResources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A shared resource as received. */
    public record Shared(long id, String resourceType, long sourceOrganisationId, int version, Instant receivedAt,
                         String json) {

        public String servedId() {
            return SHARED_ID_PREFIX + id;
        }
    }

    /** A reference as a partner wrote it in a resource it sent. */
    public record SourceReference(long sourceOrganisationId, String reference) {
    }

    public Optional<Shared> shared(String resourceType, long id) {
        return jdbc.sql("""
                        select id, resource_type, source_org_id, version, received_at, resource::text as json
                          from directory_resource where id = :id and resource_type = :type""")
                .param("id", id).param("type", resourceType).query(ReceivedResources::shared).optional();
    }

    public List<Shared> shared(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, resource_type, source_org_id, version, received_at, resource::text as json
                          from directory_resource where id = any(cast(:ids as bigint[])) order by id""")
                .param("ids", ids.toArray(Long[]::new)).query(ReceivedResources::shared).list();
    }

    /**
     * Where each reference points now, as {@code Type/id} of what CareWeave serves: the person for patients, the
     * record item, or the shared resource. References that lead to nothing stored (contained, other servers) are
     * not in the answer. One statement, however many references.
     * <p>
     * A conditional reference to a shared resource ({@code Practitioner?identifier=...}) is looked up by its
     * identifier alone, then checked for source and type ({@code offset 0} keeps PostgreSQL from pushing those into
     * the scan): it cannot know that an identifier names about one resource, so it also read every resource of the
     * source and type (hundreds) from the unique index and intersected the two, which was most of the statement's
     * time on Synthea pages.
     */
    public Map<SourceReference, String> targets(Collection<SourceReference> references) {
        Batch urls = new Batch();
        Batch conditional = new Batch();
        Batch literal = new Batch();
        for (SourceReference reference : references) {
            String text = reference.reference();
            String typedIdentifier = ReferenceResolver.typedIdentifier(text);
            String[] relative = Entry.relative(text);
            if (typedIdentifier != null) {
                String[] parts = typedIdentifier.split("\\|", 3);
                if (parts.length == 3) {
                    conditional.add(reference, parts[0], parts[1], parts[2]);
                }
            } else if (relative != null) {
                literal.add(reference, relative[0], relative[1], null);
            } else if (text.startsWith("urn:") || text.startsWith("http://") || text.startsWith("https://")) {
                urls.add(reference, null, null, null);
            }
        }
        Map<SourceReference, String> targets = new HashMap<>();
        if (urls.isEmpty() && conditional.isEmpty() && literal.isEmpty()) {
            return targets;
        }
        jdbc.sql("""
                        with u as (select * from unnest(cast(:u_source as bigint[]), cast(:u_ref as text[]))
                                               as u(source, ref)),
                             c as (select * from unnest(cast(:c_source as bigint[]), cast(:c_ref as text[]),
                                                        cast(:c_type as text[]), cast(:c_system as text[]),
                                                        cast(:c_value as text[]))
                                               as c(source, ref, type, system, value)),
                             l as (select * from unnest(cast(:l_source as bigint[]), cast(:l_ref as text[]),
                                                        cast(:l_type as text[]), cast(:l_id as text[]))
                                               as l(source, ref, type, sid))
                        select u.source, u.ref, 'Patient/' || p.person_id from u
                          join person_source_patient p on p.source_org_id = u.source and p.full_url = u.ref
                        union all
                        select u.source, u.ref, i.resource_type || '/' || i.id from u
                          join record_item i on i.source_org_id = u.source and i.full_url = u.ref
                        union all
                        select u.source, u.ref, d.resource_type || '/d' || d.id from u
                          join directory_resource d on d.source_org_id = u.source and d.full_url = u.ref
                        union all
                        select c.source, c.ref, 'Patient/' || s.person_id from c
                          join person_source_identifier s on c.type = 'Patient' and s.source_org_id = c.source
                                                         and s.system = c.system and s.value = c.value
                        union all
                        select c.source, c.ref, d.resource_type || '/d' || d.id from c
                          join lateral (select * from directory_resource
                                         where identifiers @> array[c.system || '|' || c.value] offset 0) d
                            on d.source_org_id = c.source and d.resource_type = c.type
                        union all
                        select l.source, l.ref, 'Patient/' || p.person_id from l
                          join person_source_patient p on l.type = 'Patient' and p.source_org_id = l.source
                                                      and p.source_id = l.sid
                        union all
                        select l.source, l.ref, i.resource_type || '/' || i.id from l
                          join record_item i on i.source_org_id = l.source and i.resource_type = l.type
                                            and i.source_id = l.sid
                        union all
                        select l.source, l.ref, d.resource_type || '/d' || d.id from l
                          join directory_resource d on d.source_org_id = l.source and d.resource_type = l.type
                                                   and d.source_id = l.sid""")
                .param("u_source", urls.sources()).param("u_ref", urls.references())
                .param("c_source", conditional.sources()).param("c_ref", conditional.references())
                .param("c_type", conditional.column(0)).param("c_system", conditional.column(1))
                .param("c_value", conditional.column(2))
                .param("l_source", literal.sources()).param("l_ref", literal.references())
                .param("l_type", literal.column(0)).param("l_id", literal.column(1))
                .query((ResultSet rs) -> {
                    targets.putIfAbsent(new SourceReference(rs.getLong(1), rs.getString(2)), rs.getString(3));
                });
        return targets;
    }

    /** Column arrays for one kind of reference, bound as parameters of the statement above. */
    private static final class Batch {

        private final List<SourceReference> references = new ArrayList<>();
        private final List<String[]> columns = new ArrayList<>();

        void add(SourceReference reference, String a, String b, String c) {
            references.add(reference);
            columns.add(new String[] {a, b, c});
        }

        boolean isEmpty() {
            return references.isEmpty();
        }

        Long[] sources() {
            return references.stream().map(SourceReference::sourceOrganisationId).toArray(Long[]::new);
        }

        String[] references() {
            return references.stream().map(SourceReference::reference).toArray(String[]::new);
        }

        String[] column(int n) {
            return columns.stream().map(c -> c[n]).toArray(String[]::new);
        }
    }

    private static Shared shared(ResultSet rs, int row) throws SQLException {
        return new Shared(rs.getLong("id"), rs.getString("resource_type"), rs.getLong("source_org_id"),
                rs.getInt("version"), rs.getTimestamp("received_at").toInstant(), rs.getString("json"));
    }
}
