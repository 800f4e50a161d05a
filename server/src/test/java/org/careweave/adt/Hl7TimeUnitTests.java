package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeUnitTests {

    @Test
    void readsEveryPrecisionWithAndWithoutAnOffset() {
        assertThat(Hl7Time.instant("20240101120000+0100", "MSH-7")).isEqualTo(Instant.parse("2024-01-01T11:00:00Z"));
        assertThat(Hl7Time.instant("20240101120000.1234-0130", "MSH-7"))
                .isEqualTo(Instant.parse("2024-01-01T13:30:00Z"));
        assertThat(Hl7Time.instant("202407011200", "EVN-2")).isEqualTo(Instant.parse("2024-07-01T11:00:00Z"));
        assertThat(Hl7Time.instant("2024070112", "EVN-2")).isEqualTo(Instant.parse("2024-07-01T11:00:00Z"));
        assertThat(Hl7Time.date("19500101", "PID-7")).isEqualTo(LocalDate.of(1950, 1, 1));
        assertThat(Hl7Time.date("195006", "PID-7")).isEqualTo(LocalDate.of(1950, 6, 1));
        assertThat(Hl7Time.date("1950", "PID-7")).isEqualTo(LocalDate.of(1950, 1, 1));
        assertThat(Hl7Time.instant(" ", "PV1-45")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1950-01-01", "2024-01-01T10:00:00Z", "20240101120000+01", "20240101120000+", "2024+",
            "20240101-0100x", "19501", "195001011", "20240101120000.", "+0100", "yesterday"})
    void aValueNotInTheFormatIsABadFieldValueNamingTheField(String value) {
        assertThatThrownBy(() -> Hl7Time.instant(value, "PID-7")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("PID-7 is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19501301", "19500230", "202401012500", "20240101120000+2500", "20240101120000-0075"})
    void aValueOutOfRangeIsABadFieldValueNamingTheField(String value) {
        assertThatThrownBy(() -> Hl7Time.instant(value, "EVN-2")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EVN-2 is not a valid date/time").hasMessageNotContaining(value);
    }
}
