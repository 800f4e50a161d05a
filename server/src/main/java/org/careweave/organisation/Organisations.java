package org.careweave.organisation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations taking part, known by their ODS-style codes. */
@Service
@Transactional
public class Organisations {

    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,12}");

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Long> idOf(String odsCode) {
        return jdbc.sql("select id from organisation where ods_code = :code").param("code", odsCode)
                .query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> codeOf(long id) {
        return jdbc.sql("select ods_code from organisation where id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** The organisation with this code, created with the given name and type if it does not exist yet. */
    public long ensure(String odsCode, String name, OrganisationType type) {
        if (odsCode == null || !ODS_CODE.matcher(odsCode).matches()) {
            throw new IllegalArgumentException("An organisation code is 3 to 12 capital letters or digits (ODS style), not '"
                    + odsCode + "'");
        }
        return idOf(odsCode).orElseGet(() -> jdbc.sql("""
                        insert into organisation (ods_code, name, type) values (:code, :name, :type) returning id""")
                .param("code", odsCode).param("name", name == null || name.isBlank() ? odsCode : name)
                .param("type", type.name())
                .query(Long.class).single());
    }
}
