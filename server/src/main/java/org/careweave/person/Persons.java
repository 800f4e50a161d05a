package org.careweave.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.careweave.access.AccessFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person index. It answers who a person is; whether the caller may know is the access policy's decision, so
 * callers outside the platform's trusted paths ask {@code record.PersonRecords}, not this.
 */
@Service
@Transactional(readOnly = true)
public class Persons {

    private static final List<String> NAMES = List.of("id", "nhs_number", "nhs_number_verified", "given_name",
            "family_name", "birth_date", "sex", "address_line", "postcode", "imd_decile", "ethnic_category",
            "registered_practice_id", "care_home_resident", "deceased_date");
    private static final String COLUMNS = String.join(", ", NAMES);
    private static final String SELECT = "select " + COLUMNS + " from person";

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PersonDetails> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, row) -> read(rs, "")).optional();
    }

    /** A person and the access policy's facts about them for one viewer, as read together by {@link #findForAccess}. */
    public record WithAccessFacts(PersonDetails person, AccessFacts facts) {
    }

    /**
     * The person together with the access policy's facts for the viewer (see {@link AccessFacts#sqlCall}), in one
     * statement, so that reading a record through the policy costs no more round trips than reading it without.
     */
    public Optional<WithAccessFacts> findForAccess(long id, Map<String, Object> accessParameters) {
        return jdbc.sql("select " + COLUMNS + ", f.* from person p cross join " + AccessFacts.sqlCall()
                        + " f where p.id = :id")
                .param("id", id).params(accessParameters)
                .query((rs, row) -> new WithAccessFacts(read(rs, ""), AccessFacts.read(rs))).optional();
    }

    /**
     * The contacts partners named in the Patient resources they sent about the person (followed through merges, as
     * their Patients move with them), in the order received. Callers show them only to viewers who may know who the
     * person is.
     */
    public List<KeyContact> keyContacts(long personId) {
        return jdbc.sql("""
                        select sp.source_org_id, o.name as source,
                               coalesce(c -> 'name' ->> 'text', nullif(concat_ws(' ',
                                   (select string_agg(g, ' ') from jsonb_array_elements_text(
                                       case when jsonb_typeof(c -> 'name' -> 'given') = 'array'
                                            then c -> 'name' -> 'given' else '[]' end) g),
                                   c -> 'name' ->> 'family'), ''), 'Name not given') as name,
                               coalesce(c -> 'relationship' -> 0 ->> 'text',
                                        c -> 'relationship' -> 0 -> 'coding' -> 0 ->> 'display',
                                        c -> 'relationship' -> 0 -> 'coding' -> 0 ->> 'code') as relationship,
                               (select string_agg(t ->> 'value', ', ') from jsonb_array_elements(
                                   case when jsonb_typeof(c -> 'telecom') = 'array' then c -> 'telecom' else '[]' end) t)
                                   as telecom
                          from person_source_patient sp
                          join organisation o on o.id = sp.source_org_id
                         cross join lateral jsonb_array_elements(case when jsonb_typeof(sp.resource -> 'contact') = 'array'
                                                                      then sp.resource -> 'contact' else '[]' end) c
                         where sp.person_id = :person
                         order by sp.received_at, sp.id""")
                .param("person", personId)
                .query((rs, row) -> new KeyContact(rs.getString("name"), rs.getString("relationship"),
                        rs.getString("telecom"), rs.getLong("source_org_id"), rs.getString("source")))
                .list();
    }

    public Optional<Long> idOfNhsNumber(String nhsNumber) {
        return jdbc.sql("select id from person where nhs_number = :nhs").param("nhs", nhsNumber)
                .query(Long.class).optional();
    }

    /**
     * The person's columns of table alias {@code alias} for a select list, each named {@code prefix} + its name, for
     * a feature that reads the person within its own statement (see {@link #read}); the prefix keeps them apart from
     * columns of the same name in the rest of the row.
     */
    public static String columns(String alias, String prefix) {
        return NAMES.stream().map(name -> alias + "." + name + " as " + prefix + name)
                .collect(Collectors.joining(", "));
    }

    /** The person in the current row, from the columns {@link #columns} named with this prefix. */
    public static PersonDetails read(ResultSet rs, String prefix) throws SQLException {
        return new PersonDetails(rs.getLong(prefix + "id"), rs.getString(prefix + "nhs_number"),
                rs.getBoolean(prefix + "nhs_number_verified"), rs.getString(prefix + "given_name"),
                rs.getString(prefix + "family_name"), rs.getObject(prefix + "birth_date", LocalDate.class),
                rs.getString(prefix + "sex"), rs.getString(prefix + "address_line"), rs.getString(prefix + "postcode"),
                rs.getObject(prefix + "imd_decile", Integer.class), rs.getString(prefix + "ethnic_category"),
                rs.getObject(prefix + "registered_practice_id", Long.class),
                rs.getBoolean(prefix + "care_home_resident"), rs.getObject(prefix + "deceased_date", LocalDate.class));
    }
}
