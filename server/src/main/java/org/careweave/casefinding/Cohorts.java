package org.careweave.casefinding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.AccessDenied;
import org.careweave.organisation.Organisations;
import org.careweave.risk.RiskProfile;
import org.careweave.worklist.CohortMembership;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts: counts for anyone (small numbers suppressed), identifiable lists only within the caller's case-finding
 * scope as the access policy decides (and audits), saved definitions, and the equity view of a cohort's make-up.
 * Saved cohorts are also what the worklist's cohort alerts subscribe to.
 */
@Service
@Transactional(readOnly = true)
public class Cohorts implements CohortMembership {

    /** Longest list one request returns. */
    public static final int MAX_LIST = 200;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final Organisations organisations;

    Cohorts(JdbcClient jdbc, AccessPolicy policy, Organisations organisations) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.organisations = organisations;
    }

    public CohortCounts count(CohortDefinition definition) {
        CohortSql sql = checked(definition);
        Map<String, Object> row = jdbc.sql("""
                        select count(*) as total,
                               count(*) filter (where s.efi_category = 'FIT') as fit,
                               count(*) filter (where s.efi_category = 'MILD') as mild,
                               count(*) filter (where s.efi_category = 'MODERATE') as moderate,
                               count(*) filter (where s.efi_category = 'SEVERE') as severe,
                               count(*) filter (where s.efi_category is null) as under_65""" + sql.from())
                .params(sql.parameters()).query().singleRow();
        Map<RiskProfile.Category, Suppressed> byFrailty = new EnumMap<>(RiskProfile.Category.class);
        for (RiskProfile.Category category : RiskProfile.Category.values()) {
            byFrailty.put(category, count(row, category.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new CohortCounts(count(row, "total"), byFrailty, count(row, "under_65"));
    }

    /**
     * The cohort's people within the caller's case-finding scope, highest priority first, leaving out those
     * dismissed on their current score. Each person listed is recorded in the audit trail.
     *
     * @throws AccessDenied when the caller may see counts only
     */
    public List<CohortMember> list(AccessContext who, CohortDefinition definition, int limit) {
        Set<Long> scope = policy.requireCaseFindingScope(who, AccessIntent.search("CaseFinding", "cohort list"));
        CohortSql sql = checked(definition);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CohortMember> members = jdbc.sql("""
                        select p.id, p.nhs_number, p.given_name, p.family_name, p.birth_date, p.sex, o.name as practice,
                               s.efi, s.efi_category, s.cms, s.emergency_admissions, s.bed_days, s.priority"""
                        + sql.from() + """
                         and p.registered_practice_id = any(:scope)
                         and not exists (select 1 from case_finding_dismissal x where x.person_id = p.id
                                            and x.priority = s.priority and x.priority_version = s.priority_version)
                        order by s.priority desc, p.id limit :limit""")
                .params(sql.parameters()).param("scope", scope.toArray(Long[]::new))
                .param("limit", Math.max(1, Math.min(limit, MAX_LIST)))
                .query((rs, n) -> member(rs, today)).list();
        policy.recordCaseFinding(who, members.stream().map(CohortMember::personId).toList(),
                AccessIntent.search("CaseFinding", "cohort list"));
        return members;
    }

    /** The cohort's make-up against the whole living population, suppressed for small numbers. */
    public EquityView equity(CohortDefinition definition) {
        CohortSql cohort = checked(definition);
        CohortSql everyone = CohortSql.of(CohortDefinition.everyone(), LocalDate.now(ZoneOffset.UTC));
        return new EquityView(
                breakdown(cohort, everyone, "coalesce(p.imd_decile::text, 'Not known')", EquityView::decileLabel),
                breakdown(cohort, everyone, "coalesce(p.ethnic_category, 'Z')", EquityView::ethnicGroup),
                breakdown(cohort, everyone, EquityView.AGE_BAND_SQL, label -> label),
                breakdown(cohort, everyone, "p.sex", EquityView::sexLabel));
    }

    private List<EquityView.Row> breakdown(CohortSql cohort, CohortSql everyone, String expression,
                                           java.util.function.Function<String, String> label) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("select " + expression + " as k, count(*) as n" + everyone.from() + " group by 1 order by 1")
                .params(everyone.parameters())
                .query((RowCallbackHandler) rs -> counts.computeIfAbsent(label.apply(rs.getString(1)),
                        k -> new long[2])[1] += rs.getLong(2));
        jdbc.sql("select " + expression + " as k, count(*) as n" + cohort.from() + " group by 1 order by 1")
                .params(cohort.parameters())
                .query((RowCallbackHandler) rs -> counts.computeIfAbsent(label.apply(rs.getString(1)),
                        k -> new long[2])[0] += rs.getLong(2));
        long cohortTotal = counts.values().stream().mapToLong(c -> c[0]).sum();
        long populationTotal = counts.values().stream().mapToLong(c -> c[1]).sum();
        List<EquityView.Row> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new EquityView.Row(key, new Suppressed(c[0]), new Suppressed(c[1]),
                new Suppressed(c[0]).percentOf(cohortTotal), new Suppressed(c[1]).percentOf(populationTotal))));
        return rows;
    }

    @Transactional
    public long save(String name, CohortDefinition definition, String createdBy) {
        if (name == null || name.isBlank()) {
            throw new InvalidCohort(List.of(new InvalidCohort.Problem("name", "Give the cohort a name")));
        }
        checked(definition);
        if (jdbc.sql("select exists (select 1 from cohort where name = :name)").param("name", name.strip())
                .query(Boolean.class).single()) {
            throw new InvalidCohort(List.of(new InvalidCohort.Problem("name",
                    "A cohort called '" + name.strip() + "' exists already; choose another name")));
        }
        return jdbc.sql("""
                        insert into cohort (name, min_age, max_age, sexes, frailty, min_cms, conditions, practices,
                                            deprivation_deciles, recent_emergency_admission, not_on_caseload,
                                            created_by)
                        values (:name, :minAge, :maxAge, :sexes, :frailty, :minCms, :conditions, :practices,
                                :deciles, :recent, :notOnCaseload, :by) returning id""")
                .param("name", name.strip()).param("minAge", definition.minAge(), java.sql.Types.INTEGER)
                .param("maxAge", definition.maxAge(), java.sql.Types.INTEGER)
                .param("sexes", definition.sexes().stream().sorted().toArray(String[]::new))
                .param("frailty", definition.frailty().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("minCms", definition.minCms(), java.sql.Types.NUMERIC)
                .param("conditions", definition.conditions().stream().sorted().toArray(String[]::new))
                .param("practices", definition.practices().stream().sorted().toArray(String[]::new))
                .param("deciles", definition.deprivationDeciles().stream().sorted().toArray(Integer[]::new))
                .param("recent", definition.recentEmergencyAdmission())
                .param("notOnCaseload", definition.notOnCaseload()).param("by", createdBy)
                .query(Long.class).single();
    }

    public List<SavedCohort> saved() {
        return jdbc.sql("select * from cohort order by name").query(Cohorts::toSaved).list();
    }

    public Optional<SavedCohort> find(long cohortId) {
        return jdbc.sql("select * from cohort where id = :id").param("id", cohortId).query(Cohorts::toSaved).optional();
    }

    /** The saved cohort's name, for features that refer to cohorts (e.g. alert subscriptions). */
    @Override
    public Optional<String> name(long cohortId) {
        return jdbc.sql("select name from cohort where id = :id").param("id", cohortId).query(String.class)
                .optional();
    }

    /**
     * Whether the person is in the saved cohort now (false for an unknown cohort). Says nothing about who the
     * person is, so it needs no access decision; callers that then show the person ask the policy.
     */
    @Override
    public boolean contains(long cohortId, long personId) {
        return find(cohortId).map(cohort -> {
            CohortSql sql = CohortSql.of(cohort.definition(), LocalDate.now(ZoneOffset.UTC));
            return jdbc.sql("select exists (select 1" + sql.from() + " and p.id = :person)")
                    .params(sql.parameters()).param("person", personId).query(Boolean.class).single();
        }).orElse(false);
    }

    private CohortSql checked(CohortDefinition definition) {
        List<InvalidCohort.Problem> problems = definition.practices().stream()
                .filter(code -> organisations.idOf(code).isEmpty())
                .map(code -> new InvalidCohort.Problem("practices", "No GP practice has the ODS code '" + code + "'"))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidCohort(problems);
        }
        return CohortSql.of(definition, LocalDate.now(ZoneOffset.UTC));
    }

    private static Suppressed count(Map<String, Object> row, String column) {
        return new Suppressed(((Number) row.get(column)).longValue());
    }

    private static CohortMember member(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        String category = rs.getString("efi_category");
        return new CohortMember(rs.getLong("id"), rs.getString("nhs_number"),
                rs.getString("given_name") + " " + rs.getString("family_name"), birth,
                Period.between(birth, today).getYears(), rs.getString("sex"), rs.getString("practice"),
                nullableDouble(rs, "efi"),
                category == null ? null : RiskProfile.Category.valueOf(category), rs.getDouble("cms"),
                rs.getInt("emergency_admissions"), rs.getInt("bed_days"), rs.getDouble("priority"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static SavedCohort toSaved(ResultSet rs, int row) throws SQLException {
        return new SavedCohort(rs.getLong("id"), rs.getString("name"), new CohortDefinition(
                (Integer) rs.getObject("min_age", Integer.class), (Integer) rs.getObject("max_age", Integer.class),
                Set.of((String[]) rs.getArray("sexes").getArray()),
                Arrays.stream((String[]) rs.getArray("frailty").getArray()).map(RiskProfile.Category::valueOf)
                        .collect(Collectors.toSet()),
                nullableDouble(rs, "min_cms"), Set.of((String[]) rs.getArray("conditions").getArray()),
                Set.of((String[]) rs.getArray("practices").getArray()),
                Set.of((Integer[]) rs.getArray("deprivation_deciles").getArray()),
                rs.getBoolean("recent_emergency_admission"), rs.getBoolean("not_on_caseload")),
                rs.getString("created_by"));
    }
}
