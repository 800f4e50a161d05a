package org.careweave.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

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

    private static final String COLUMNS = """
            id, nhs_number, nhs_number_verified, given_name, family_name, birth_date, sex, address_line, postcode,
            imd_decile, ethnic_category, registered_practice_id, care_home_resident, deceased_date""";
    private static final String SELECT = "select " + COLUMNS + " from person";

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PersonDetails> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Persons::details).optional();
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
                .query((rs, row) -> new WithAccessFacts(details(rs, row), AccessFacts.read(rs))).optional();
    }

    public Optional<Long> idOfNhsNumber(String nhsNumber) {
        return jdbc.sql("select id from person where nhs_number = :nhs").param("nhs", nhsNumber)
                .query(Long.class).optional();
    }

    private static PersonDetails details(ResultSet rs, int row) throws SQLException {
        return new PersonDetails(rs.getLong("id"), rs.getString("nhs_number"), rs.getBoolean("nhs_number_verified"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("sex"), rs.getString("address_line"), rs.getString("postcode"),
                rs.getObject("imd_decile", Integer.class), rs.getString("ethnic_category"),
                rs.getObject("registered_practice_id", Long.class), rs.getBoolean("care_home_resident"),
                rs.getObject("deceased_date", LocalDate.class));
    }
}
