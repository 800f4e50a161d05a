package org.careweave.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** FHIR date, dateTime and instant values as instants; partial dates count from their first day (UTC). */
final class FhirDates {

    private FhirDates() {
    }

    /** @throws IllegalArgumentException when the text is not a FHIR date or dateTime */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 7 -> YearMonth.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 10 -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> OffsetDateTime.parse(text).toInstant();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a FHIR date or dateTime");
        }
    }

    static LocalDate date(String text) {
        Instant instant = instant(text);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
