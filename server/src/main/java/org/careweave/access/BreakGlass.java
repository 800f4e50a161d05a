package org.careweave.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.careweave.shared.PersonNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency access to one person's record without a relationship: the clinician states a reason, access lasts a
 * limited time, and every use waits in the privacy officer's review queue until reviewed.
 */
@Service
@Transactional
public class BreakGlass {

    public static final Duration DEFAULT_DURATION = Duration.ofHours(4);

    public enum Outcome { APPROPRIATE, INAPPROPRIATE }

    public record Use(long id, long userId, long personId, String reason, Instant startedAt, Instant expiresAt,
                      String reviewedBy, Instant reviewedAt, Outcome outcome, String reviewNote) {
    }

    private final JdbcClient jdbc;
    private final AccessAudit audit;

    BreakGlass(JdbcClient jdbc, AccessAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Opens emergency access for the asking clinician; refuses roles that may not break glass, thin reasons and
     * people who do not exist ({@link PersonNotFound}).
     */
    public long open(AccessContext who, long personId, String reason) {
        if (!who.mayBreakGlass()) {
            audit.breakGlass(who, personId, -1, "ROLE_NOT_PERMITTED", org.careweave.audit.AuditEvent.Outcome.DENIED);
            throw new AccessDenied(PersonAccess.Basis.ROLE_NOT_PERMITTED,
                    "Only clinicians (GP, nurse, social worker, mental health practitioner) may use break-glass access.");
        }
        if (reason == null || reason.strip().length() < 10) {
            throw new IllegalArgumentException("Give the reason for emergency access in at least 10 characters");
        }
        if (!jdbc.sql("select exists (select 1 from person where id = :person)").param("person", personId)
                .query(Boolean.class).single()) {
            throw new PersonNotFound(personId);
        }
        long id = jdbc.sql("""
                        insert into break_glass (user_id, person_id, reason, expires_at)
                        values (:user, :person, :reason, now() + make_interval(secs => :seconds)) returning id""")
                .param("user", who.userId()).param("person", personId).param("reason", reason.strip())
                .param("seconds", DEFAULT_DURATION.toSeconds())
                .query(Long.class).single();
        audit.breakGlass(who, personId, id, null, org.careweave.audit.AuditEvent.Outcome.SUCCESS);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Use> awaitingReview() {
        return jdbc.sql(SELECT + " where reviewed_at is null order by started_at").query(BreakGlass::use).list();
    }

    @Transactional(readOnly = true)
    public List<Use> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = :person order by started_at desc")
                .param("person", personId).query(BreakGlass::use).list();
    }

    /** Records the privacy officer's review; a use can be reviewed once. */
    public void review(long useId, Outcome outcome, String note, AccessContext reviewer) {
        int changed = jdbc.sql("""
                        update break_glass set reviewed_by = :by, reviewed_at = now(), review_outcome = :outcome,
                               review_note = :note
                         where id = :id and reviewed_at is null""")
                .param("by", reviewer.actor()).param("outcome", outcome.name()).param("note", note).param("id", useId)
                .update();
        if (changed == 0) {
            throw new IllegalArgumentException("Break-glass use " + useId + " does not exist or was already reviewed");
        }
        long personId = jdbc.sql("select person_id from break_glass where id = :id").param("id", useId)
                .query(Long.class).single();
        audit.review(reviewer, personId, useId);
    }

    private static final String SELECT = """
            select id, user_id, person_id, reason, started_at, expires_at, reviewed_by, reviewed_at, review_outcome,
                   review_note from break_glass""";

    private static Use use(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Use(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                rs.getString(9) == null ? null : Outcome.valueOf(rs.getString(9)), rs.getString(10));
    }
}
