package org.careweave.access;

import java.time.Instant;
import java.util.List;

import org.careweave.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's choices about sharing their record, with who recorded them and when. Withdrawing a choice keeps it on
 * record, so the history of what applied when is never lost.
 */
@Service
@Transactional
public class Consents {

    public enum Kind { OBJECT_ORGANISATION, OBJECT_CATEGORY, PERMIT_SENSITIVE }

    /** One choice. {@code organisationId} is set only for objections to an organisation, {@code category} otherwise. */
    public record Directive(long id, long personId, Kind kind, Long organisationId, DataCategory category,
                            String note, String recordedBy, Instant recordedAt, String withdrawnBy,
                            Instant withdrawnAt) {

        public boolean active() {
            return withdrawnAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;

    Consents(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    public long objectToOrganisation(long personId, long organisationId, String note, String recordedBy) {
        if (organisations.find(organisationId).isEmpty()) {
            throw new IllegalArgumentException("No organisation with id " + organisationId + " to object to");
        }
        return insert(personId, Kind.OBJECT_ORGANISATION, organisationId, null, note, recordedBy);
    }

    public long objectToCategory(long personId, DataCategory category, String note, String recordedBy) {
        return insert(personId, Kind.OBJECT_CATEGORY, null, category, note, recordedBy);
    }

    public long permitSensitive(long personId, DataCategory category, String note, String recordedBy) {
        if (!category.sensitive()) {
            throw new IllegalArgumentException(category + " is not a sensitive category; it needs no permission");
        }
        return insert(personId, Kind.PERMIT_SENSITIVE, null, category, note, recordedBy);
    }

    /** Withdraws an active choice; withdrawing one that is already withdrawn is refused. */
    public void withdraw(long directiveId, String withdrawnBy) {
        int changed = jdbc.sql("""
                        update consent_directive set withdrawn_by = :by, withdrawn_at = now()
                         where id = :id and withdrawn_at is null""")
                .param("by", withdrawnBy).param("id", directiveId).update();
        if (changed == 0) {
            throw new IllegalArgumentException("No active consent choice " + directiveId + " to withdraw");
        }
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Directive> find(long directiveId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", directiveId).query(Consents::directive).optional();
    }

    @Transactional(readOnly = true)
    public List<Directive> of(long personId) {
        return jdbc.sql(SELECT + " where person_id = :person order by recorded_at, id")
                .param("person", personId).query(Consents::directive).list();
    }

    private static final String SELECT = """
            select id, person_id, kind, organisation_id, category, note, recorded_by, recorded_at, withdrawn_by,
                   withdrawn_at from consent_directive""";

    private static Directive directive(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Directive(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getObject(4, Long.class),
                rs.getString(5) == null ? null : DataCategory.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
    }

    private long insert(long personId, Kind kind, Long organisationId, DataCategory category, String note,
                        String recordedBy) {
        return jdbc.sql("""
                        insert into consent_directive (person_id, kind, organisation_id, category, note, recorded_by)
                        values (:person, :kind, :org, :category, :note, :by) returning id""")
                .param("person", personId).param("kind", kind.name()).param("org", organisationId)
                .param("category", category == null ? null : category.name()).param("note", note)
                .param("by", recordedBy)
                .query(Long.class).single();
    }
}
