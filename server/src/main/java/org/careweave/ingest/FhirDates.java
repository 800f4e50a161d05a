package org.careweave.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

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
                default -> dateTime(text);
            };
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a FHIR date or dateTime");
        }
    }

    /**
     * The usual shape, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, read by hand: every resource has one
     * or two and the general parser was a tenth of the ingest's time. Anything else goes to the general parser.
     */
    private static Instant dateTime(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return OffsetDateTime.parse(text).toInstant();
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int digits = 0;
            while (++at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                if (++digits <= 9) {
                    nanos = nanos * 10 + text.charAt(at) - '0';
                }
            }
            if (digits == 0 || digits > 9) {
                return OffsetDateTime.parse(text).toInstant();
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (offset == null || (year | month | day | hour | minute | second) < 0) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    }

    private static ZoneOffset offset(String text, int at) {
        int n = text.length();
        if (at == n - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = at == n - 6 ? text.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if ((hours | minutes) < 0) {
            return null;
        }
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** The ASCII digits from start to end as a number, or -1 when any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    static LocalDate date(String text) {
        Instant instant = instant(text);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
