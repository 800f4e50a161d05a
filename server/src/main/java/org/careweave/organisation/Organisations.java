package org.careweave.organisation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The organisations taking part, known by their ODS-style codes. */
@Service
@Transactional
public class Organisations {

    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,12}");

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = "select id, ods_code, name, type, parent_id, postcode from organisation";

    /** Every organisation with its parent and sites, ordered by type (as {@link OrganisationType}) then name. */
    @Transactional(readOnly = true)
    public java.util.List<DirectoryEntry> directory() {
        java.util.Map<Long, java.util.List<DirectoryEntry.Site>> sites = sitesByOrganisation();
        return jdbc.sql("""
                        select o.id, o.ods_code, o.name, o.type, o.postcode, p.name as parent_name
                          from organisation o left join organisation p on p.id = o.parent_id
                         order by o.name, o.ods_code""")
                .query((rs, n) -> new DirectoryEntry(rs.getLong("id"), rs.getString("ods_code"), rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("type")), rs.getString("parent_name"),
                        rs.getString("postcode"), sites.getOrDefault(rs.getLong("id"), java.util.List.of())))
                .list().stream()
                .sorted((a, b) -> a.type().compareTo(b.type()))
                .toList();
    }

    private java.util.Map<Long, java.util.List<DirectoryEntry.Site>> sitesByOrganisation() {
        java.util.Map<Long, java.util.List<DirectoryEntry.Site>> sites = new java.util.LinkedHashMap<>();
        jdbc.sql("select organisation_id, name, postcode from site order by name")
                .query(rs -> {
                    sites.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                            .add(new DirectoryEntry.Site(rs.getString(2), rs.getString(3)));
                });
        return sites;
    }

    @Transactional(readOnly = true)
    public java.util.List<Organisation> all() {
        return jdbc.sql(SELECT + " order by type, name").query(Organisations::organisation).list();
    }

    /** The organisations of one type, by name (e.g. the GP practices a form offers). */
    @Transactional(readOnly = true)
    public java.util.List<Organisation> ofType(OrganisationType type) {
        return jdbc.sql(SELECT + " where type = :type order by name").param("type", type.name())
                .query(Organisations::organisation).list();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Organisations::organisation).optional();
    }

    /** Adds an organisation; refuses a code already in use and a parent that does not exist. */
    public long create(String odsCode, String name, OrganisationType type, Long parentId, String postcode) {
        requireCode(odsCode);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An organisation needs a name");
        }
        if (idOf(odsCode).isPresent()) {
            throw new IllegalArgumentException("Organisation code " + odsCode + " is already in use");
        }
        if (parentId != null && find(parentId).isEmpty()) {
            throw new IllegalArgumentException("No parent organisation with id " + parentId);
        }
        return jdbc.sql("""
                        insert into organisation (ods_code, name, type, parent_id, postcode)
                        values (:code, :name, :type, :parent, :postcode) returning id""")
                .param("code", odsCode).param("name", name.strip()).param("type", type.name())
                .param("parent", parentId).param("postcode", postcode)
                .query(Long.class).single();
    }

    private static Organisation organisation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3),
                OrganisationType.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getString(6));
    }

    private static void requireCode(String odsCode) {
        if (odsCode == null || !ODS_CODE.matcher(odsCode).matches()) {
            throw new IllegalArgumentException("An organisation code is 3 to 12 capital letters or digits (ODS style), not '"
                    + odsCode + "'");
        }
    }

    /** Codes never change once issued, so both directions are remembered after the first look-up. */
    private final Map<Long, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    /** Asked on every call a system client makes, so a known code needs no connection and no transaction. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Long> idOf(String odsCode) {
        Long known = ids.get(odsCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> id = jdbc.sql("select id from organisation where ods_code = :code").param("code", odsCode)
                .query(Long.class).optional();
        // Not from inside a writing transaction: it may have created the organisation and may yet roll back.
        boolean committed = !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (committed) {
            id.ifPresent(found -> ids.put(odsCode, found));
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<String> codeOf(long id) {
        String known = codes.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> code = jdbc.sql("select ods_code from organisation where id = :id").param("id", id)
                .query(String.class).optional();
        code.ifPresent(c -> codes.put(id, c));
        return code;
    }

    /** The organisation with this code, created with the given name and type if it does not exist yet. */
    public long ensure(String odsCode, String name, OrganisationType type) {
        requireCode(odsCode);
        return idOf(odsCode).orElseGet(() -> jdbc.sql("""
                        insert into organisation (ods_code, name, type) values (:code, :name, :type) returning id""")
                .param("code", odsCode).param("name", name == null || name.isBlank() ? odsCode : name)
                .param("type", type.name())
                .query(Long.class).single());
    }
}
