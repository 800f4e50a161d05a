package org.careweave.person;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate person into the one that survives, and undoes it. The merged person's row stays, pointing at
 * the survivor; partners' patients, their identifiers and (through {@link PersonsMerged}) record items move to the
 * survivor, and an unmerge moves exactly those back.
 */
@Service
@Transactional
public class PersonMerges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PersonMerges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * @return the merge's id, for {@link #unmerge}
     * @throws IllegalArgumentException when either person does not exist, they are the same, or one is already merged
     */
    public long merge(long survivorId, long mergedId, String mergedBy) {
        if (survivorId == mergedId) {
            throw new IllegalArgumentException("A person cannot be merged into themselves");
        }
        requireActive(survivorId);
        requireActive(mergedId);
        List<Long> patients = jdbc.sql("update person_source_patient set person_id = :to where person_id = :from returning id")
                .param("to", survivorId).param("from", mergedId).query(Long.class).list();
        List<Long> identifiers = jdbc.sql("update person_source_identifier set person_id = :to where person_id = :from returning id")
                .param("to", survivorId).param("from", mergedId).query(Long.class).list();
        jdbc.sql("update person set merged_into_id = :to where id = :from").param("to", survivorId)
                .param("from", mergedId).update();
        long mergeId = jdbc.sql("""
                        insert into person_merge (survivor_id, merged_id, moved_patient_ids, moved_identifier_ids, merged_by)
                        values (:survivor, :merged, :patients, :identifiers, :by) returning id""")
                .param("survivor", survivorId).param("merged", mergedId)
                .param("patients", patients.toArray(Long[]::new)).param("identifiers", identifiers.toArray(Long[]::new))
                .param("by", mergedBy).query(Long.class).single();
        events.publishEvent(new PersonsMerged(mergeId, survivorId, mergedId));
        return mergeId;
    }

    /** @throws IllegalArgumentException when there is no such merge or it was already undone */
    public void unmerge(long mergeId, String unmergedBy) {
        record Moved(long survivor, long merged, Long[] patients, Long[] identifiers) {
        }
        Moved merge = jdbc.sql("""
                        select survivor_id, merged_id, moved_patient_ids, moved_identifier_ids from person_merge
                         where id = :id and unmerged_at is null for update""")
                .param("id", mergeId)
                .query((rs, row) -> new Moved(rs.getLong(1), rs.getLong(2), (Long[]) rs.getArray(3).getArray(),
                        (Long[]) rs.getArray(4).getArray()))
                .optional().orElseThrow(() -> new IllegalArgumentException("No merge " + mergeId + " to undo"));
        jdbc.sql("update person_source_patient set person_id = :to where id = any(:ids)")
                .param("to", merge.merged).param("ids", merge.patients).update();
        jdbc.sql("update person_source_identifier set person_id = :to where id = any(:ids)")
                .param("to", merge.merged).param("ids", merge.identifiers).update();
        jdbc.sql("update person set merged_into_id = null where id = :id").param("id", merge.merged).update();
        jdbc.sql("update person_merge set unmerged_by = :by, unmerged_at = now() where id = :id")
                .param("by", unmergedBy).param("id", mergeId).update();
        events.publishEvent(new PersonsUnmerged(mergeId, merge.survivor, merge.merged));
    }

    /** A merge, undone or not. */
    public record Merge(long id, long survivorId, long mergedId, String mergedBy, java.time.Instant mergedAt,
                        String unmergedBy, java.time.Instant unmergedAt) {
    }

    /** The newest merges first. */
    public List<Merge> recent(int limit) {
        return jdbc.sql(MERGES + " order by id desc limit :limit").param("limit", limit).query(PersonMerges::merge)
                .list();
    }

    public java.util.Optional<Merge> find(long mergeId) {
        return jdbc.sql(MERGES + " where id = :id").param("id", mergeId).query(PersonMerges::merge).optional();
    }

    private static final String MERGES = """
            select id, survivor_id, merged_id, merged_by, merged_at, unmerged_by, unmerged_at from person_merge""";

    private static Merge merge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Merge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
    }

    private void requireActive(long personId) {
        long mergedInto = jdbc.sql("select coalesce(merged_into_id, 0) from person where id = :id")
                .param("id", personId).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No person " + personId));
        if (mergedInto != 0) {
            throw new IllegalArgumentException("Person " + personId + " is already merged into " + mergedInto);
        }
    }
}
