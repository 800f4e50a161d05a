package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.careweave.person.NhsNumber;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the demo neighbourhood the test application generated at start-up (2,000 residents, seed 42) against the
 * intent of the generator's data files, and checks determinism, appending and all-or-nothing behaviour in
 * separate schemas of the same database (see {@link ScratchSchemas}).
 */
@CareWeaveTest
// Its own application context and database: these tests describe the whole generated population, so no other
// test's people or organisations may be mixed in.
@org.springframework.test.context.TestPropertySource(properties = "careweave.test.context=generator-only")
class GeneratorIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyntheticNeighbourhood neighbourhood;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ReferenceData reference;
    ScratchSchemas scratch;

    @BeforeEach
    void scratchSchemas(@Autowired DataSource dataSource, @Autowired TransactionTemplate transactions,
                        @Autowired Generation generation) {
        scratch = new ScratchSchemas(dataSource, jdbc, transactions, generation);
    }

    @Test
    void demoPopulationHasAnEnglandLikeAgeStructure() {
        Map<String, Object> shares = jdbc.sql("""
                select count(*) as residents,
                       avg(case when age(birth_date) >= interval '65 years' then 1.0 else 0 end) as aged_65,
                       avg(case when age(birth_date) >= interval '85 years' then 1.0 else 0 end) as aged_85,
                       avg(case when sex = 'female' then 1.0 else 0 end) as female
                  from person""").query().singleRow();
        assertThat(((Number) shares.get("residents")).longValue()).isEqualTo(2000);
        // age-bands.csv intends 65+ = 18.6% and 85+ = 2.5%; with 2,000 people 3.5 standard errors are
        // 3.0 and 1.2 points.
        assertThat(((Number) shares.get("aged_65")).doubleValue()).isBetween(0.156, 0.216);
        assertThat(((Number) shares.get("aged_85")).doubleValue()).isBetween(0.013, 0.037);
        assertThat(((Number) shares.get("female")).doubleValue()).isBetween(0.46, 0.55);
    }

    @Test
    void everyNhsNumberIsValidUniqueAndFromTheTestRange() {
        List<String> numbers = jdbc.sql("select nhs_number from person").query(String.class).list();
        assertThat(numbers).hasSize(2000).doesNotHaveDuplicates().allMatch(n -> n.startsWith("999"));
        numbers.forEach(NhsNumber::new);
    }

    @Test
    void conditionPrevalenceFollowsTheCatalogue() {
        Map<AgeGroup, Long> residentsByGroup = new java.util.EnumMap<>(AgeGroup.class);
        jdbc.sql("select extract(year from age(birth_date))::int as age from person").query(Integer.class).list()
                .forEach(age -> residentsByGroup.merge(AgeGroup.of(age), 1L, Long::sum));
        Map<String, Long> observed = new java.util.HashMap<>();
        jdbc.sql("select code, count(*) from record_item where category = 'problem' group by code")
                .query((rs, n) -> observed.put(rs.getString(1), rs.getLong(2))).list();
        int checked = 0;
        for (ConditionDefinition condition : reference.conditions().conditions()) {
            double expected = residentsByGroup.entrySet().stream()
                    .mapToDouble(e -> e.getValue() * condition.prevalence(e.getKey())).sum();
            if (expected < 40) {
                continue; // too few cases among 2,000 people to say anything
            }
            // Sampling error (4 SD of a count) plus 20% for this small neighbourhood's deprivation mix, which
            // shifts everyone's risk in the few areas it has.
            double tolerance = 4 * Math.sqrt(expected) + 0.2 * expected;
            assertThat((double) observed.getOrDefault(condition.code(), 0L)).as(condition.display())
                    .isBetween(expected - tolerance, expected + tolerance);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        Map<String, Object> hypertension = jdbc.sql("""
                select avg(case when age(p.birth_date) >= interval '65 years' then has else null end) as older,
                       avg(case when age(p.birth_date) < interval '65 years' then has else null end) as younger
                  from (select p.*, case when exists (select 1 from record_item r where r.person_id = p.id
                                    and r.code = '38341003') then 1.0 else 0 end as has from person p) p""")
                .query().singleRow();
        assertThat(((Number) hypertension.get("older")).doubleValue())
                .isGreaterThan(3 * ((Number) hypertension.get("younger")).doubleValue());
    }

    @Test
    void everyRecordItemBelongsToAPersonAndComesFromTheRightKindOfOrganisation() {
        long items = jdbc.sql("select count(*) from record_item").query(Long.class).single();
        assertThat(items / 2000.0).as("items per resident").isBetween(5.0, 15.0);
        assertThat(jdbc.sql("""
                select count(*) from record_item r
                 where not exists (select 1 from person p where p.id = r.person_id)
                    or not exists (select 1 from organisation o where o.id = r.source_org_id)""")
                .query(Long.class).single()).isZero();
        Map<String, String> expectedSource = Map.of("gp-consultation", "GP_PRACTICE",
                "ae-attendance", "ACUTE_TRUST", "emergency-admission", "ACUTE_TRUST",
                "elective-admission", "ACUTE_TRUST", "medication", "GP_PRACTICE",
                "social-care-package", "LOCAL_AUTHORITY", "care-home-placement", "LOCAL_AUTHORITY");
        List<String> categories = jdbc.sql("select distinct category from record_item").query(String.class).list();
        assertThat(categories).containsAll(expectedSource.keySet()).contains("problem");
        expectedSource.forEach((category, type) -> assertThat(jdbc.sql("""
                        select distinct o.type from record_item r join organisation o on o.id = r.source_org_id
                         where r.category = :category""").param("category", category).query(String.class).list())
                .as(category).containsExactly(type));
        assertThat(jdbc.sql("select count(*) from record_item where resource is not null").query(Long.class)
                .single()).isZero();
    }

    @Test
    void admissionsLastLongerInOlderPeople() {
        Map<String, Object> stays = jdbc.sql("""
                select avg(case when age(p.birth_date) >= interval '75 years' then days end) as older,
                       avg(case when age(p.birth_date) < interval '65 years' then days end) as younger
                  from (select r.person_id, extract(epoch from r.effective_end - r.effective_start) / 86400 as days
                          from record_item r where r.category = 'emergency-admission'
                           and r.effective_end is not null) s
                  join person p on p.id = s.person_id""").query().singleRow();
        assertThat(((Number) stays.get("older")).doubleValue())
                .isGreaterThan(((Number) stays.get("younger")).doubleValue());
    }

    @Test
    void thereIsADemoUserForEveryRoleWithItsPublishedPassword() {
        for (Role role : Role.values()) {
            Map<String, Object> user = jdbc.sql("""
                    select u.username, u.password_hash, u.demo from staff_user u
                      join staff_role r on r.user_id = u.id where r.role = :role""")
                    .param("role", role.name()).query().singleRow();
            assertThat(user.get("demo")).as(role.name()).isEqualTo(true);
            assertThat(passwords.matches("demo-" + user.get("username") + "-2026", (String) user.get("password_hash")))
                    .as(role.name()).isTrue();
        }
        assertThat(jdbc.sql("""
                select u.username from team_member m join team t on t.id = m.team_id
                  join staff_user u on u.id = m.user_id where t.kind = 'NEIGHBOURHOOD_TEAM'""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("gp", "nurse", "socialworker", "coordinator", "linkworker",
                        "mhpractitioner");
    }

    @Test
    void theNeighbourhoodHasItsOrganisationsAndSites() {
        Map<String, Long> byType = new java.util.HashMap<>();
        jdbc.sql("select type, count(*) from organisation group by type")
                .query((rs, n) -> byType.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byType).containsEntry("ICB", 1L).containsEntry("PCN", 1L).containsEntry("GP_PRACTICE", 4L)
                .containsEntry("ACUTE_TRUST", 1L).containsEntry("COMMUNITY_TRUST", 1L)
                .containsEntry("MENTAL_HEALTH_TRUST", 1L).containsEntry("LOCAL_AUTHORITY", 1L);
        assertThat(byType.get("VCSE")).isBetween(4L, 6L);
        assertThat(jdbc.sql("""
                select count(*) from organisation o join organisation pcn on pcn.id = o.parent_id
                 where o.type = 'GP_PRACTICE' and pcn.type = 'PCN'""").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from organisation o where not exists "
                + "(select 1 from site s where s.organisation_id = o.id)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select kind from team").query(String.class).list())
                .contains("NEIGHBOURHOOD_TEAM", "MDT");
    }

    @Test
    void refusesToGenerateIntoADatabaseThatHasResidents() {
        long before = jdbc.sql("select count(*) from organisation").query(Long.class).single();
        assertThatThrownBy(() -> neighbourhood.generate(new GenerationRequest(10, 1, false, AS_OF, true),
                GenerationProgress.NONE)).isInstanceOf(ResidentsAlreadyPresent.class).hasMessageContaining("--append");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(2000);
        assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedDifferentOnes() {
        GenerationRequest request = new GenerationRequest(300, 7, false, AS_OF, true);
        String first = scratch.inNewSchema(schema -> {
            long foreignKeys = foreignKeyCount();
            scratch.generate(request);
            assertThat(foreignKeyCount()).as("foreign keys put back after the load").isEqualTo(foreignKeys)
                    .isGreaterThanOrEqualTo(3);
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(300);
            assertThat(jdbc.sql("select count(*) from record_item").query(Long.class).single()).isGreaterThan(1000);
            return digest();
        });
        String second = scratch.inNewSchema(schema -> {
            scratch.generate(request);
            return digest();
        });
        String otherSeed = scratch.inNewSchema(schema -> {
            scratch.generate(new GenerationRequest(300, 8, false, AS_OF, true));
            return digest();
        });
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void appendingAddsResidentsWithNewNhsNumbersAndReusesTheOrganisations() {
        scratch.inNewSchema(schema -> {
            scratch.generate(new GenerationRequest(200, 5, false, AS_OF, true));
            assertThatThrownBy(() -> scratch.generate(new GenerationRequest(100, 5, false, AS_OF, true)))
                    .isInstanceOf(ResidentsAlreadyPresent.class);
            // The same seed again: its NHS numbers would all collide if existing ones were not skipped.
            scratch.generate(new GenerationRequest(100, 5, true, AS_OF, true));
            assertThat(jdbc.sql("select count(*), count(distinct nhs_number) from person")
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(300L, 300L);
            assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single())
                    .isEqualTo(Neighbourhood.ORGANISATIONS.size());
            assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single())
                    .isEqualTo(DemoUsers.USERS.size());
            return null;
        });
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        scratch.inNewSchema(schema -> {
            // Make the record item pass fail after the organisations, users and residents were written.
            jdbc.sql("alter table record_item add constraint no_ae check (category <> 'ae-attendance')").update();
            long foreignKeys = foreignKeyCount();
            assertThatThrownBy(() -> scratch.generate(new GenerationRequest(300, 7, false, AS_OF, true)))
                    .hasMessageContaining("no_ae");
            for (String table : List.of("person", "record_item", "organisation", "staff_user", "team")) {
                assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
            }
            assertThat(foreignKeyCount()).isEqualTo(foreignKeys);
            return null;
        });
    }

    private long foreignKeyCount() {
        return jdbc.sql("""
                select count(*) from pg_constraint
                 where contype = 'f' and conrelid in ('person'::regclass, 'record_item'::regclass)""")
                .query(Long.class).single();
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String query : List.of(
                    "select id, ods_code, name, type, parent_id, postcode from organisation order by id",
                    "select id, organisation_id, name, postcode from site order by id",
                    "select id, username, display_name, enabled, demo from staff_user order by id",
                    "select user_id, organisation_id, role from staff_role order by 1, 2, 3",
                    "select id, name, kind, lead_organisation_id from team order by id",
                    "select team_id, user_id from team_member order by 1, 2",
                    """
                    select id, nhs_number, nhs_number_verified, given_name, family_name, birth_date, sex, address_line,
                           postcode, lsoa_code, imd_decile, ethnic_category, registered_practice_id,
                           care_home_resident, deceased_date from person order by id""",
                    """
                    select id, person_id, resource_type, category, code_system, code, display, status,
                           effective_start, effective_end, value_numeric, value_unit, detail, sensitivity,
                           source_org_id, source_id, version, resource from record_item order by id""")) {
                jdbc.sql(query).query(rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                    }
                });
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
