package org.careweave.worklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/** Working days in England: Monday to Friday except bank holidays, from a calendar file shipped with CareWeave. */
final class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    private final NavigableSet<LocalDate> bankHolidays;
    private volatile boolean warnedBeyondCalendar;

    WorkingDays(NavigableSet<LocalDate> bankHolidays) {
        if (bankHolidays.isEmpty()) {
            throw new IllegalArgumentException("the bank holiday calendar is empty");
        }
        this.bankHolidays = new TreeSet<>(bankHolidays);
    }

    /**
     * Reads the calendar, refusing a file that cannot be right: unreadable lines, dates that are not dates, weekend
     * dates (a holiday at a weekend is given as its substitute day), repeats, or no dates at all.
     *
     * @throws IllegalStateException naming the setting, the file and the line to fix
     */
    static WorkingDays load(Resource file, String setting) {
        NavigableSet<LocalDate> dates = new TreeSet<>();
        String where = "careweave.worklist." + setting + " (" + file.getDescription() + ")";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                LocalDate date = dateOf(text, where, number);
                if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    throw new IllegalStateException(where + ", line " + number + ": " + date + " is a "
                            + date.getDayOfWeek() + "; give the substitute weekday instead");
                }
                if (!dates.add(date)) {
                    throw new IllegalStateException(where + ", line " + number + ": " + date + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(where + " cannot be read: " + e.getMessage(), e);
        }
        if (dates.isEmpty()) {
            throw new IllegalStateException(where + " lists no bank holidays");
        }
        return new WorkingDays(dates);
    }

    private static LocalDate dateOf(String text, String where, int number) {
        String[] fields = text.split(",", 2);
        if (fields.length != 2 || fields[1].isBlank()) {
            throw new IllegalStateException(where + ", line " + number + ": expected 'YYYY-MM-DD,name', found '" + text + "'");
        }
        try {
            return LocalDate.parse(fields[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(where + ", line " + number + ": '" + fields[0].strip()
                    + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** The day {@code count} working days after {@code from} (from itself when count is 0 and it is a working day). */
    LocalDate after(LocalDate from, int count) {
        LocalDate day = from;
        int left = count;
        while (left > 0 || !isWorkingDay(day)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    boolean isWorkingDay(LocalDate day) {
        warnIfBeyondCalendar(day);
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }

    LocalDate lastCoveredDay() {
        return LocalDate.of(bankHolidays.last().getYear(), 12, 31);
    }

    private void warnIfBeyondCalendar(LocalDate day) {
        if (day.isAfter(lastCoveredDay()) && !warnedBeyondCalendar) {
            warnedBeyondCalendar = true;
            log.warn("The bank holiday calendar ends on {}; due dates after it skip weekends only. Extend the file "
                    + "named by careweave.worklist.bank-holidays.", lastCoveredDay());
        }
    }
}
