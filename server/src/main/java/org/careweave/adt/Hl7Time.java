package org.careweave.adt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** HL7v2 TS/DTM values (YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]); times without an offset are UK local time. */
final class Hl7Time {

    static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private Hl7Time() {
    }

    /** @throws IllegalArgumentException naming the field (never its value: it may be a birth date) when it is not one */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        ZoneOffset offset = null;
        int sign = Math.max(value.indexOf('+'), value.indexOf('-'));
        if (sign > 0) {
            offset = ZoneOffset.of(value.substring(sign, sign + 3) + ":" + value.substring(sign + 3));
            value = value.substring(0, sign);
        }
        int dot = value.indexOf('.');
        if (dot > 0) {
            value = value.substring(0, dot);
        }
        if (!value.matches("\\d{8}(\\d{2}){0,3}") && !value.matches("\\d{4}(\\d{2})?")) {
            throw new IllegalArgumentException(field + " is not an HL7 date-time (YYYYMMDDHHMM[SS])");
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(value.substring(0, 4)), part(value, 4, 1),
                    part(value, 6, 1), part(value, 8, 0), part(value, 10, 0), part(value, 12, 0));
            return offset != null ? local.toInstant(offset) : local.atZone(LOCAL).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + " is not a valid date-time", e);
        }
    }

    static LocalDate date(String text, String field) {
        Instant instant = instant(text, field);
        return instant == null ? null : instant.atZone(LOCAL).toLocalDate();
    }

    private static int part(String value, int at, int absent) {
        return value.length() >= at + 2 ? Integer.parseInt(value.substring(at, at + 2)) : absent;
    }
}
