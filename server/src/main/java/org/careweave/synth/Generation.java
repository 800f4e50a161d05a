package org.careweave.synth;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one synthetic neighbourhood inside the caller's transaction (all or nothing). Residents are streamed twice
 * from their seeds — once into {@code person}, once into {@code record_item} — because one connection can run only
 * one COPY at a time and nothing may be held in memory per resident.
 */
@Component
class Generation {

    /** Advisory lock key: one generation at a time per database. */
    private static final long LOCK_KEY = 0x53594E5448L;
    private static final int PROGRESS_EVERY = 100_000;
    private static final String PERSON_COLUMNS = "id, nhs_number, nhs_number_verified, given_name, family_name, "
            + "birth_date, sex, address_line, postcode, lsoa_code, imd_decile, ethnic_category, "
            + "registered_practice_id, care_home_resident, deceased_date";
    private static final String ITEM_COLUMNS = "person_id, resource_type, category, code_system, code, display, "
            + "status, effective_start, effective_end, value_numeric, value_unit, detail, sensitivity, "
            + "source_org_id, source_id";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final PasswordEncoder passwords;
    private final ReferenceData reference;

    Generation(DataSource dataSource, PasswordEncoder passwords, ReferenceData reference) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.passwords = passwords;
        this.reference = reference;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    GenerationSummary run(GenerationRequest request, GenerationProgress progress) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
        // Holds off other writers of person until commit, so the id block reserved below stays ours.
        jdbc.sql("lock table person in share row exclusive mode").update();
        boolean hasResidents = jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single();
        if (hasResidents && !request.append()) {
            throw new ResidentsAlreadyPresent();
        }
        Neighbourhood.Created neighbourhood = new Neighbourhood(jdbc).ensure();
        NeighbourhoodIds ids = neighbourhood.ids();
        int users = request.demoUsers() ? new DemoUsers(jdbc, passwords).ensure(ids) : 0;
        long items = 0;
        if (request.residents() > 0) {
            long firstId = reservePersonIds(request.residents());
            NhsNumberSequence nhsNumbers = new NhsNumberSequence(request.seed());
            if (hasResidents) {
                streaming.query("select nhs_number from person where nhs_number like '9%'",
                        (RowCallbackHandler) rs -> nhsNumbers.markUsed(rs.getString(1)));
            }
            Geography geography = new Geography(request.seed(), request.residents(), ids.practices().length,
                    reference.names());
            Residents residents = new Residents(request.seed(), request.asOf(), reference, geography,
                    ids.practices().length);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            ForeignKeys foreignKeys = ForeignKeys.dropFrom(jdbc, "person", "record_item");
            writePersons(connection, request, residents, firstId, nhsNumbers, ids, progress);
            items = writeItems(connection, request, residents, firstId, ids, progress);
            progress.update("checking references", request.residents(), request.residents());
            foreignKeys.restore();
        }
        return new GenerationSummary(request.residents(), items, neighbourhood.organisations(), users,
                Duration.ZERO);
    }

    private long reservePersonIds(int count) {
        String sequence = "pg_get_serial_sequence('person', 'id')";
        long first = jdbc.sql("select greatest(nextval(" + sequence + "), (select coalesce(max(id), 0) + 1 "
                + "from person))").query(Long.class).single();
        jdbc.sql("select setval(" + sequence + ", :last)").param("last", first + count - 1).query(Long.class)
                .single();
        return first;
    }

    private void writePersons(Connection connection, GenerationRequest request, Residents residents, long firstId,
                              NhsNumberSequence nhsNumbers, NeighbourhoodIds ids, GenerationProgress progress) {
        try (CopyWriter copy = CopyWriter.open(connection, "person", PERSON_COLUMNS)) {
            for (int i = 0; i < request.residents(); i++) {
                Resident r = residents.create(i, firstId + i);
                copy.number(r.id()).text(nhsNumbers.next()).bool(r.nhsNumberVerified()).text(r.givenName())
                        .text(r.familyName()).date(r.birthDate()).text(r.female() ? "female" : "male")
                        .text(r.addressLine()).text(r.postcode()).text(r.lsoaCode()).number(r.imdDecile())
                        .text(r.ethnicCategory()).number(ids.practices()[r.practice()]).bool(r.careHomeResident())
                        .date(r.deceasedDate());
                copy.endRow();
                report(progress, "residents", i + 1, request.residents());
            }
            copy.finish();
        }
    }

    private long writeItems(Connection connection, GenerationRequest request, Residents residents, long firstId,
                            NeighbourhoodIds ids, GenerationProgress progress) {
        ProblemList problems = new ProblemList(reference.conditions(), ids, request.asOf());
        CareActivity activity = new CareActivity(reference.conditions(), ids, request.asOf());
        try (CopyWriter copy = CopyWriter.open(connection, "record_item", ITEM_COLUMNS)) {
            for (int i = 0; i < request.residents(); i++) {
                ResidentItems items = new ResidentItems(residents.create(i, firstId + i), item -> write(copy, item));
                activity.write(items, problems.write(items));
                report(progress, "record items", i + 1, request.residents());
            }
            return copy.finish();
        }
    }

    private static void write(CopyWriter copy, RecordItem item) {
        copy.number(item.personId()).text(item.resourceType()).text(item.category()).text(item.codeSystem())
                .text(item.code()).text(item.display()).text(item.status()).timestamp(item.start())
                .timestamp(item.end()).number(item.valueNumeric()).text(item.valueUnit()).text(item.detail())
                .text(item.sensitivity()).number(item.sourceOrganisationId()).text(item.sourceId());
        copy.endRow();
    }

    private static void report(GenerationProgress progress, String phase, long done, long total) {
        if (done % PROGRESS_EVERY == 0 || done == total) {
            progress.update(phase, done, total);
        }
    }
}
