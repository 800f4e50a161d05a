package org.careweave.adt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careweave.shared.England;

/** HL7v2 TS/DTM values (YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]); times without an offset are UK local time. */
final class Hl7Time {

    private static final Pattern FORMAT =
            Pattern.compile("(\\d{4}(?:\\d{2}){0,5})(?:\\.\\d+)?(?:([+-])(\\d{2})(\\d{2}))?");

    private Hl7Time() {
    }

    /** @throws IllegalArgumentException naming the field (never its value: it may be a birth date) when it is not one */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher parts = FORMAT.matcher(text.strip());
        if (!parts.matches()) {
            throw new IllegalArgumentException(field
                    + " is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])");
        }
        String value = parts.group(1);
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(value.substring(0, 4)), part(value, 4, 1),
                    part(value, 6, 1), part(value, 8, 0), part(value, 10, 0), part(value, 12, 0));
            if (parts.group(2) == null) {
                return local.atZone(England.ZONE).toInstant();
            }
            int sign = parts.group(2).equals("-") ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(parts.group(3)),
                    sign * Integer.parseInt(parts.group(4)));
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " is not a valid date/time (a month, day, hour, minute or "
                    + "offset out of range)", e);
        }
    }

    static LocalDate date(String text, String field) {
        Instant instant = instant(text, field);
        return instant == null ? null : instant.atZone(England.ZONE).toLocalDate();
    }

    private static int part(String value, int at, int absent) {
        return value.length() >= at + 2 ? Integer.parseInt(value.substring(at, at + 2)) : absent;
    }
}
