package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class WorkingDaysUnitTests {

    private final WorkingDays shipped = WorkingDays.load(new ClassPathResource("worklist/england-bank-holidays.csv"),
            "bank-holidays");

    @Test
    void skipsWeekends() {
        assertThat(shipped.after(LocalDate.of(2026, 11, 23), 2)).isEqualTo(LocalDate.of(2026, 11, 25)); // Mon -> Wed
        assertThat(shipped.after(LocalDate.of(2026, 11, 27), 2)).isEqualTo(LocalDate.of(2026, 12, 1));  // Fri -> Tue
        assertThat(shipped.after(LocalDate.of(2026, 11, 28), 2)).isEqualTo(LocalDate.of(2026, 12, 1));  // Sat -> Tue
    }

    @Test
    void skipsBankHolidaysIncludingSubstituteDays() {
        // Christmas 2026: Friday 25th and the substitute Boxing Day on Monday 28th are not working days.
        assertThat(shipped.after(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
        // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        assertThat(shipped.after(LocalDate.of(2027, 3, 25), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(shipped.after(LocalDate.of(2028, 8, 25), 1)).isEqualTo(LocalDate.of(2028, 8, 29));
        assertThat(shipped.after(LocalDate.of(2026, 12, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void theShippedCalendarCoversEveryYearFrom2025To2028() {
        for (LocalDate newYear : new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 3)}) {
            assertThat(shipped.isWorkingDay(newYear)).as(newYear.toString()).isFalse();
        }
        assertThat(shipped.lastCoveredDay()).isAfterOrEqualTo(LocalDate.of(2028, 12, 31));
    }

    @Test
    void aBadCalendarFileIsRefusedWithTheLineToFix() {
        assertThatThrownBy(() -> load("2026-01-01,New Year's Day\n2026-13-01,Nonsense\n"))
                .hasMessageContaining("careweave.worklist.bank-holidays").hasMessageContaining("line 2")
                .hasMessageContaining("'2026-13-01' is not a date");
        assertThatThrownBy(() -> load("2026-12-26,Boxing Day\n"))
                .hasMessageContaining("2026-12-26 is a SATURDAY");
        assertThatThrownBy(() -> load("2026-01-01,New Year\n2026-01-01,Again\n")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> load("2026-01-01\n")).hasMessageContaining("expected 'YYYY-MM-DD,name'");
        assertThatThrownBy(() -> load("# only a comment\n")).hasMessageContaining("lists no bank holidays");
    }

    @Test
    void startUpFailsNamingTheSettingWhenTheCalendarIsMissing() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withUserConfiguration(WorklistConfiguration.class)
                .withPropertyValues("careweave.worklist.bank-holidays=classpath:worklist/no-such-file.csv")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("careweave.worklist.bank-holidays (class path resource "
                                + "[worklist/no-such-file.csv]) cannot be read"));
    }

    private static WorkingDays load(String text) {
        return WorkingDays.load(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test calendar"),
                "bank-holidays");
    }
}
