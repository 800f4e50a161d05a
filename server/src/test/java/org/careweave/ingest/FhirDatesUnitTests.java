package org.careweave.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FhirDatesUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"2015-07-21T04:45:04-04:00", "2015-07-21T04:45:04+05:30", "2015-07-21T04:45:04Z",
            "2015-07-21T04:45:04.1Z", "2015-07-21T04:45:04.123-04:00", "2015-07-21T04:45:04.123456789+01:00",
            "2024-02-29T23:59:59-00:00", "2015-07-21T04:45Z"})
    void readsDateTimesAsTheStandardParserDoes(String text) {
        assertThat(FhirDates.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-07-21T04:45:04", "2015-02-30T04:45:04Z", "2015-07-21T24:45:04Z",
            "2015-07-21T04:45:04+19:00", "2015-07-21T04:45:04+0400", "2015-07-2xT04:45:04Z",
            "2015-07-21T04:45:04.1234567891Z", "2015-07-21 04:45:04Z", "2015-13"})
    void refusesWhatIsNotAFhirDateTimeNamingIt(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> FhirDates.instant(text))
                .withMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"2015,2015-01-01T00:00:00Z", "2015-07,2015-07-01T00:00:00Z", "2015-07-21,2015-07-21T00:00:00Z"})
    void readsPartialDatesFromTheirFirstDayInUtc(String text, String instant) {
        assertThat(FhirDates.instant(text)).isEqualTo(Instant.parse(instant));
    }
}
