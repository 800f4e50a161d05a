package org.careweave.risk;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored scores, and the facts they are computed from. The facts query reads {@code person} and
 * {@code record_item} directly (read-only, set-based), like the population profile: going through the record's
 * per-person API would cost a round trip per person, too slow for a million people (see docs/architecture.md).
 */
@Repository
class RiskScores {

    static final String COLUMNS = """
            person_id, computed_at, efi, efi_category, efi_version, efi_inputs, current_medications, cms,
            cms_version, cms_inputs, emergency_admissions, ae_attendances, bed_days, utilisation_version,
            utilisation_events, priority, priority_version""";

    /** The statuses of a problem item ({@code record_item r}) that scoring counts: not refuted, in error or inactive. */
    private static final String SCORED_STATUS = "coalesce(r.status, '') not in ('entered-in-error', 'refuted', 'inactive')";

    /** One row per fact, ordered by person, so a person's facts arrive together and memory stays flat. */
    private static final String FACTS = """
            select p.id as person_id, p.birth_date, p.deceased_date, r.id as item_id, r.category, r.code,
                   r.effective_start, r.effective_end
              from person p
              left join record_item r on r.person_id = p.id
               and ((r.category = 'problem' and r.code = any(?) and %2$s)
                 or (r.category = 'medication' and r.status = 'active'
                     and (r.effective_end is null or r.effective_end > ?))
                 or (r.category in ('emergency-admission', 'elective-admission', 'ae-attendance')
                     and r.effective_start >= ?
                     and coalesce(r.status, '') not in ('cancelled', 'entered-in-error')))
             where p.merged_into_id is null %1$s
             order by p.id""";

    private final JdbcClient jdbc;

    RiskScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Streams every living person's facts (or only {@code personIds}', dead or alive) from the connection, which
     * must not be in auto-commit mode for the fetch size to take effect.
     */
    static void streamFacts(Connection connection, Set<String> codes, Instant now, Collection<Long> personIds,
                            Consumer<PersonFacts> out) throws SQLException {
        String sql = FACTS.formatted(personIds == null ? "and p.deceased_date is null" : "and p.id = any(?)",
                SCORED_STATUS);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            statement.setArray(1, connection.createArrayOf("text", codes.toArray()));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(365))));
            if (personIds != null) {
                statement.setArray(4, connection.createArrayOf("bigint", personIds.toArray()));
            }
            try (ResultSet rs = statement.executeQuery()) {
                group(rs, out);
            }
        }
    }

    private static void group(ResultSet rs, Consumer<PersonFacts> out) throws SQLException {
        long current = -1;
        LocalDate birth = null;
        LocalDate deceased = null;
        Set<String> problems = new HashSet<>();
        Set<String> medicines = new HashSet<>();
        List<PersonFacts.Encounter> encounters = new ArrayList<>();
        while (rs.next()) {
            long person = rs.getLong(1);
            if (person != current) {
                if (current >= 0) {
                    out.accept(new PersonFacts(current, birth, deceased, problems, medicines.size(), encounters));
                    problems = new HashSet<>();
                    medicines = new HashSet<>();
                    encounters = new ArrayList<>();
                }
                current = person;
                birth = rs.getObject(2, LocalDate.class);
                deceased = rs.getObject(3, LocalDate.class);
            }
            String category = rs.getString(5);
            if (category == null) {
                continue;
            }
            switch (category) {
                case "problem" -> problems.add(rs.getString(6));
                case "medication" -> medicines.add(rs.getString(6) == null ? "item-" + rs.getLong(4) : rs.getString(6));
                default -> encounters.add(new PersonFacts.Encounter(rs.getLong(4), category,
                        rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8))));
            }
        }
        if (current >= 0) {
            out.accept(new PersonFacts(current, birth, deceased, problems, medicines.size(), encounters));
        }
    }

    /** Replaces the scores of these people: deletes them all, inserts the given profiles. */
    void replace(Collection<Long> personIds, List<RiskProfile> profiles) {
        jdbc.sql("delete from risk_score where person_id = any(:ids)")
                .param("ids", personIds.toArray(Long[]::new)).update();
        for (RiskProfile profile : profiles) {
            jdbc.sql("insert into risk_score (" + COLUMNS + ") values (:person, :at, :efi, :category, "
                            + ":efiVersion, :efiInputs, :medications, :cms, :cmsVersion, :cmsInputs, :admissions, "
                            + ":attendances, :bedDays, :utilisationVersion, :events, :priority, :priorityVersion)")
                    .paramSource(parameters(profile)).update();
        }
    }

    private static java.util.Map<String, Object> parameters(RiskProfile p) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("person", p.personId());
        values.put("at", Timestamp.from(p.computedAt()));
        values.put("efi", p.efi() == null ? null : p.efi().value());
        values.put("category", p.efi() == null ? null : p.efi().category().name());
        values.put("efiVersion", p.efi() == null ? null : p.efi().version());
        values.put("efiInputs", RiskRows.efiInputs(p).toArray(String[]::new));
        values.put("medications", p.efi() == null ? 0 : p.efi().currentMedications());
        values.put("cms", p.cms().value());
        values.put("cmsVersion", p.cms().version());
        values.put("cmsInputs", RiskRows.cmsInputs(p).toArray(String[]::new));
        values.put("admissions", p.utilisation().emergencyAdmissions());
        values.put("attendances", p.utilisation().aeAttendances());
        values.put("bedDays", p.utilisation().bedDays());
        values.put("utilisationVersion", p.utilisation().version());
        values.put("events", p.utilisation().events().toArray(Long[]::new));
        values.put("priority", p.priority().value());
        values.put("priorityVersion", p.priority().version());
        return values;
    }

    Optional<RiskProfile> find(long personId) {
        return jdbc.sql("select " + COLUMNS + " from risk_score where person_id = :person")
                .param("person", personId).query(RiskScores::profile).optional();
    }

    /** A problem item that scoring counts (as {@link #FACTS} does): who recorded it, and its kind. */
    record ScoredProblem(String code, long sourceOrganisationId, String category, String sensitivity) {
    }

    /** The person's problem items with these codes that scoring counts. */
    List<ScoredProblem> scoredProblems(long personId, Set<String> codes) {
        return jdbc.sql("""
                        select r.code, r.source_org_id, r.category, r.sensitivity from record_item r
                         where r.person_id = :person and r.category = 'problem' and r.code = any(:codes)
                           and %s""".formatted(SCORED_STATUS))
                .param("person", personId).param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> new ScoredProblem(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from risk_score").query(Long.class).single();
    }

    static RiskProfile profile(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getTimestamp("computed_at").toInstant();
        RiskProfile.Efi efi = null;
        if (rs.getString("efi_version") != null) {
            List<RiskProfile.Contribution> deficits = new ArrayList<>();
            for (String input : strings(rs.getArray("efi_inputs"))) {
                String[] parts = input.split("\\|", -1);
                deficits.add(new RiskProfile.Contribution(parts[0], parts[1].isEmpty() ? null : parts[1], 1));
            }
            double value = rs.getDouble("efi");
            efi = new RiskProfile.Efi(rs.getString("efi_version"), value,
                    RiskProfile.Category.valueOf(rs.getString("efi_category")), deficits,
                    rs.getInt("current_medications"),
                    deficits.stream().anyMatch(d -> d.name().equals(RiskDefinitions.POLYPHARMACY)), 0);
        }
        List<RiskProfile.Contribution> conditions = new ArrayList<>();
        for (String input : strings(rs.getArray("cms_inputs"))) {
            String[] parts = input.split("\\|", -1);
            conditions.add(new RiskProfile.Contribution(parts[0], parts[1], Double.parseDouble(parts[2])));
        }
        List<Long> events = new ArrayList<>();
        Array array = rs.getArray("utilisation_events");
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                events.add(((Number) id).longValue());
            }
        }
        return new RiskProfile(rs.getLong("person_id"), at, efi,
                new RiskProfile.Cms(rs.getString("cms_version"), rs.getDouble("cms"), conditions, 0),
                new RiskProfile.Utilisation(rs.getString("utilisation_version"), rs.getInt("emergency_admissions"),
                        rs.getInt("ae_attendances"), rs.getInt("bed_days"), events),
                new RiskProfile.Priority(rs.getString("priority_version"), rs.getDouble("priority")));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
