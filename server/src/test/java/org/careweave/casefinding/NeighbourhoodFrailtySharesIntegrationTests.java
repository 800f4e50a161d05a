package org.careweave.casefinding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.careweave.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * eFI categories on the full generated neighbourhood of 30,000 residents (the demo's size and seed), scored at first
 * start, against published primary-care figures (Clegg et al. 2016, people aged 65 and over: fit about 50%, mild 35%,
 * moderate 12%, severe 3%). About 5,400 over-65s make one standard error of a share near 50% under 0.7 points, so the
 * bands below are about the published figures, not about sampling noise. Its own context, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"careweave.demo.residents=30000", "careweave.demo.seed=42", "careweave.mllp.port=0"})
@ContextConfiguration(initializers = TestDatabase.class)
@DirtiesContext
class NeighbourhoodFrailtySharesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aboutHalfOfOver65sAreFitAndASmallMinoritySeverelyFrail() {
        Map<String, Object> shares = jdbc.sql("""
                select count(*) as n, avg((efi_category = 'FIT')::int) as fit, avg((efi_category = 'MILD')::int) as mild,
                       avg((efi_category = 'MODERATE')::int) as moderate, avg((efi_category = 'SEVERE')::int) as severe
                  from risk_score where efi is not null""").query().singleRow();

        assertThat(((Number) shares.get("n")).longValue()).isBetween(4_500L, 6_500L);
        assertThat(share(shares, "fit")).isBetween(0.45, 0.60);
        assertThat(share(shares, "mild")).isBetween(0.25, 0.40);
        assertThat(share(shares, "moderate")).isBetween(0.07, 0.17);
        assertThat(share(shares, "severe")).isBetween(0.015, 0.07);
    }

    private static double share(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
