package org.careweave.person;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person index's matching tables: partners' patients, their identifiers and the review queue. */
@Repository
class PersonIndex {

    /** Merges followed before a chain is taken for a cycle. */
    private static final int MAX_MERGE_HOPS = 100;

    /** A person similar to an incoming patient (same birth date and family name). */
    record Candidate(long id, String nhsNumber, String givenName, String sex, String postcode) {

        boolean exactly(IncomingPatient patient) {
            return givenName.equalsIgnoreCase(patient.givenName()) && sex.equals(patient.sex())
                    && postcode != null && postcode.equals(normalised(patient.postcode()));
        }
    }

    record Stored(long id, int version, PatientLink.Change change) {
    }

    private final JdbcClient jdbc;

    PersonIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises matching of the same person by concurrent imports, so two imports cannot both create them. */
    void lockMatching(String nhsNumber, IncomingPatient patient) {
        if (nhsNumber != null) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('person-nhs:' || :key))").param("key", nhsNumber)
                    .query(Object.class).single();
        }
        String demographic = patient.familyName().toLowerCase(Locale.ROOT) + "|" + patient.birthDate();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('person-demographics:' || :key))").param("key", demographic)
                .query(Object.class).single();
    }

    Optional<Long> personOfSourcePatient(long source, String sourceId) {
        return survivors("""
                        select person_id from person_source_patient
                         where source_org_id = :source and source_id = :id""",
                Map.of("source", source, "id", sourceId)).stream().findFirst();
    }

    Optional<Long> personOfNhsNumber(String nhsNumber) {
        return survivors("select id from person where nhs_number = :nhs", Map.of("nhs", nhsNumber))
                .stream().findFirst();
    }

    Optional<Long> personOfIdentifier(long source, String system, String value) {
        return survivors("""
                        select person_id from person_source_identifier
                         where source_org_id = :source and system = :system and value = :value""",
                Map.of("source", source, "system", system, "value", value)).stream().findFirst();
    }

    /** Every person (as merged) any partner linked this identifier to. */
    List<Long> personsOfIdentifier(String system, String value) {
        return survivors("select person_id from person_source_identifier where system = :system and value = :value",
                Map.of("system", system, "value", value));
    }

    /**
     * The people whose ids {@code people} selects, each followed along its merges to the person it now lives on
     * (itself when not merged): in one statement, in id order, each once.
     *
     * @throws IllegalStateException when a chain of merges goes round in a cycle
     */
    private List<Long> survivors(String people, Map<String, Object> params) {
        List<Long> found = new ArrayList<>();
        jdbc.sql("""
                        with recursive chain (id, merged_into_id, hops) as (
                            select p.id, p.merged_into_id, 0 from person p where p.id in (%s)
                            union all
                            select p.id, p.merged_into_id, c.hops + 1
                              from chain c join person p on p.id = c.merged_into_id
                             where c.hops < :max_hops)
                        select distinct id, merged_into_id from chain
                         where merged_into_id is null or hops = :max_hops order by id""".formatted(people))
                .params(params).param("max_hops", MAX_MERGE_HOPS)
                .query(rs -> {
                    if (rs.getObject("merged_into_id") != null) {
                        throw new IllegalStateException("Person " + rs.getLong("id") + " is in a merge cycle");
                    }
                    found.add(rs.getLong("id"));
                });
        return found;
    }

    List<Candidate> similarPeople(IncomingPatient patient) {
        return jdbc.sql("""
                        select id, nhs_number, given_name, sex, upper(replace(postcode, ' ', ''))
                          from person
                         where birth_date = :birth and lower(family_name) = lower(:family) and merged_into_id is null
                         order by id""")
                .param("birth", patient.birthDate()).param("family", patient.familyName())
                .query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    long insertPerson(IncomingPatient patient, String nhsNumber) {
        return jdbc.sql("""
                        insert into person (nhs_number, nhs_number_verified, given_name, family_name, birth_date, sex,
                                            address_line, postcode, deceased_date)
                        values (:nhs, false, :given, :family, :birth, :sex, :address, :postcode, :deceased)
                        returning id""")
                .param("nhs", nhsNumber).param("given", patient.givenName()).param("family", patient.familyName())
                .param("birth", patient.birthDate()).param("sex", patient.sex())
                .param("address", patient.addressLine()).param("postcode", patient.postcode())
                .param("deceased", patient.deceasedDate())
                .query(Long.class).single();
    }

    void fillMissingNhsNumber(long personId, String nhsNumber) {
        jdbc.sql("""
                        update person set nhs_number = :nhs where id = :id and nhs_number is null
                           and not exists (select 1 from person where nhs_number = :nhs)""")
                .param("nhs", nhsNumber).param("id", personId).update();
    }

    long queueReview(long source, String sourceId, long newPersonId, List<Long> candidates, String reason) {
        return jdbc.sql("""
                        insert into person_match_review (source_org_id, source_id, new_person_id, candidate_ids, reason)
                        values (:source, :sourceId, :person, :candidates, :reason) returning id""")
                .param("source", source).param("sourceId", sourceId).param("person", newPersonId)
                .param("candidates", candidates.toArray(Long[]::new)).param("reason", reason)
                .query(Long.class).single();
    }

    Stored storeSourcePatient(long source, IncomingPatient patient, long personId) {
        return jdbc.sql("""
                        insert into person_source_patient (source_org_id, source_id, full_url, person_id, content_hash,
                                                           resource)
                        values (:source, :sourceId, :fullUrl, :person, :hash, cast(:resource as jsonb))
                        on conflict (source_org_id, source_id) do update
                           set resource = excluded.resource, content_hash = excluded.content_hash,
                               full_url = excluded.full_url, version = person_source_patient.version + 1,
                               received_at = now()
                         where person_source_patient.content_hash <> excluded.content_hash
                        returning id, version, (xmax = 0) as created""")
                .param("source", source).param("sourceId", patient.sourceId()).param("fullUrl", patient.fullUrl())
                .param("person", personId).param("hash", patient.contentHash())
                .param("resource", patient.resourceJson())
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getInt(2),
                        rs.getBoolean(3) ? PatientLink.Change.CREATED : PatientLink.Change.UPDATED))
                .optional()
                .orElseGet(() -> jdbc.sql("""
                                select id, version from person_source_patient
                                 where source_org_id = :source and source_id = :sourceId""")
                        .param("source", source).param("sourceId", patient.sourceId())
                        .query((rs, row) -> new Stored(rs.getLong(1), rs.getInt(2), PatientLink.Change.UNCHANGED))
                        .single());
    }

    void linkIdentifiers(long source, List<IncomingPatient.Identifier> identifiers, long personId) {
        for (IncomingPatient.Identifier identifier : identifiers) {
            jdbc.sql("""
                            insert into person_source_identifier (source_org_id, system, value, person_id)
                            values (:source, :system, :value, :person) on conflict do nothing""")
                    .param("source", source).param("system", identifier.system()).param("value", identifier.value())
                    .param("person", personId).update();
        }
    }

    List<MatchReview> pendingReviews() {
        return jdbc.sql("""
                        select id, source_org_id, source_id, new_person_id, candidate_ids, reason, created_at
                          from person_match_review where resolved_at is null order by created_at, id""")
                .query((rs, row) -> new MatchReview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        longs(rs.getArray(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** A review still waiting, locked until the transaction ends so two administrators cannot both resolve it. */
    Optional<MatchReview> pendingReviewForUpdate(long id) {
        return jdbc.sql("""
                        select id, source_org_id, source_id, new_person_id, candidate_ids, reason, created_at
                          from person_match_review where id = :id and resolved_at is null for update""")
                .param("id", id)
                .query((rs, row) -> new MatchReview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        longs(rs.getArray(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /** @param mergeId the merge that resolved it, or null when the people were kept apart */
    void resolveReview(long id, Long mergeId, String resolvedBy) {
        jdbc.sql("""
                        update person_match_review set resolved_at = now(), resolved_by = :by, merge_id = :merge,
                               resolution = case when cast(:merge as bigint) is null then 'KEPT_APART' else 'MERGED' end
                         where id = :id""")
                .param("id", id).param("by", resolvedBy).param("merge", mergeId).update();
    }

    /** Puts back in the queue the review that this merge resolved, if one did. */
    void reopenReviewOf(long mergeId) {
        jdbc.sql("""
                        update person_match_review set resolved_at = null, resolved_by = null, resolution = null,
                               merge_id = null
                         where merge_id = :merge""")
                .param("merge", mergeId).update();
    }

    static List<Long> longs(Array array) throws java.sql.SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    static String normalised(String postcode) {
        return postcode == null ? null : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
