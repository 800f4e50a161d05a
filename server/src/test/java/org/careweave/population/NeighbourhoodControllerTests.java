package org.careweave.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The neighbourhood profile over real HTTP against the real database. Residents with two test condition codes are
 * inserted once; expected figures are counted with SQL written independently of the page's own queries.
 */
@CareWeaveTest
class NeighbourhoodControllerTests {

    static final String SMALL = "XT-SMALL";  // 3 people: must show as <8
    static final String NINE = "XT-NINE";    // 9 living people with it active: must show as 9

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String page;

    @BeforeAll
    static void residents(@Autowired JdbcClient jdbc, @Autowired PasswordEncoder encoder) {
        TestUsers.ensure(jdbc, encoder);
        long practice = TestUsers.organisationId(jdbc, TestUsers.practiceCode());
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 12; i++) {
            long person = insertPerson(jdbc, practice, today.minusYears(20 + 6L * i).minusDays(10),
                    i % 2 == 0 ? "female" : "male", null, (short) (1 + i % 10));
            if (i < 3) {
                insertProblem(jdbc, person, practice, SMALL, "active");
            }
            if (i < 9) {
                insertProblem(jdbc, person, practice, NINE, "active");
            }
        }
        long resolved = insertPerson(jdbc, practice, today.minusYears(70), "female", null, null);
        insertProblem(jdbc, resolved, practice, NINE, "resolved");
        long deceased = insertPerson(jdbc, practice, today.minusYears(80), "male", today.minusDays(30), null);
        insertProblem(jdbc, deceased, practice, NINE, "active");
    }

    @BeforeEach
    void fetch() {
        var response = WebSession.signedIn(port, TestUsers.username(Role.DATA_ANALYST), TestUsers.PASSWORD)
                .get("/neighbourhood");
        assertThat(response.statusCode()).isEqualTo(200);
        page = response.body();
    }

    @Test
    void conditionSeenInFewerThanEightPeopleIsSuppressed() {
        assertThat(cell("condition-" + SMALL, "cw-count")).isEqualTo("<8");
        assertThat(row("condition-" + SMALL)).doesNotContain("%");
    }

    @Test
    void conditionCountsOnlyLivingPeopleWithTheProblemActive() {
        long expected = jdbc.sql("""
                        select count(*) from person p
                         where p.deceased_date is null
                           and exists (select 1 from record_item r where r.person_id = p.id and r.code = ?
                                          and r.category = 'problem' and r.status = 'active')""")
                .param(NINE).query(Long.class).single();
        assertThat(expected).isEqualTo(9);
        assertThat(cell("condition-" + NINE, "cw-count")).isEqualTo(published(expected));
    }

    @Test
    void residentsAndPracticeCountsMatchTheDatabase() {
        long residents = count("select count(*) from person where deceased_date is null");
        long atPractice = count("""
                select count(*) from person p join organisation o on o.id = p.registered_practice_id
                 where p.deceased_date is null and o.ods_code = '%s'""".formatted(TestUsers.practiceCode()));
        assertThat(text("residents")).isEqualTo(published(residents));
        assertThat(cell("practice-" + TestUsers.practiceCode(), "cw-count")).isEqualTo(published(atPractice));
    }

    @Test
    void ageBandsMatchTheDatabase() {
        for (int band = 0; band < 17; band++) {
            for (String sex : new String[] {"male", "female"}) {
                long expected = count("""
                        select count(*) from person where deceased_date is null and sex = '%s'
                           and birth_date <= current_date - interval '%d years'
                           and birth_date > current_date - interval '%d years'""".formatted(sex, band * 5, band * 5 + 5));
                assertThat(cell("age-band-" + band, "cw-" + sex)).as("band %d %s", band, sex)
                        .isEqualTo(published(expected));
            }
        }
    }

    @Test
    void deprivationDecilesMatchTheDatabase() {
        for (int decile = 1; decile <= 10; decile++) {
            long expected = count("select count(*) from person where deceased_date is null and imd_decile = " + decile);
            assertThat(cell("decile-" + decile, "cw-count")).as("decile %d", decile).isEqualTo(published(expected));
        }
    }

    private static String published(long count) {
        return count > 0 && count < 8 ? "<8" : String.format(Locale.UK, "%,d", count);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String row(String id) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("row " + id + " on the page").isTrue();
        return row.group(1);
    }

    private String cell(String rowId, String cellClass) {
        Matcher cell = Pattern.compile("class=\"[^\"]*\\b" + cellClass + "\\b[^\"]*\"[^>]*>([^<]*)<").matcher(row(rowId));
        assertThat(cell.find()).as(cellClass + " in row " + rowId).isTrue();
        return unescape(cell.group(1).trim());
    }

    private String text(String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(element.find()).as(id + " on the page").isTrue();
        return unescape(element.group(1).trim());
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static long insertPerson(JdbcClient jdbc, long practice, LocalDate born, String sex, LocalDate died,
                                     Short decile) {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id,
                                            deceased_date, imd_decile)
                        values ('Test', 'Resident', :born, :sex, :practice, :died, :decile) returning id""")
                .param("born", born).param("sex", sex).param("practice", practice).param("died", died)
                .param("decile", decile)
                .query(Long.class).single();
    }

    private static void insertProblem(JdbcClient jdbc, long person, long source, String code, String status) {
        jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                 status, source_org_id, source_id)
                        values (:person, 'Condition', 'problem', 'http://example.org/test-codes', :code,
                                :display, :status, :source, :sourceId)""")
                .param("person", person).param("code", code).param("display", "Test condition " + code)
                .param("status", status).param("source", source).param("sourceId", UUID.randomUUID().toString())
                .update();
    }
}
