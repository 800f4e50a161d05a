package org.careweave.record;

import java.time.Instant;
import java.util.List;

/**
 * One page of a search through a person's record: which items (all of them unless a filter is set), in which order,
 * how many, and from where. Empty lists and nulls mean "any".
 *
 * @param resourceType   one FHIR resource type, or null for every type (as in Patient/$everything)
 * @param codes          the item's code, any of these
 * @param categories     the item's record category (problem, medication, ...) or a code of the resource's own
 *                       FHIR category, any of these
 * @param statuses       the item's status, any of these
 * @param identifiers    an identifier of the resource as received, any of these
 * @param dateFrom       clinical date (start of the effective period) at or after this instant
 * @param dateTo         clinical date before this instant
 * @param updatedFrom    received (last updated) at or after this instant
 * @param updatedTo      received before this instant
 * @param count          items per page, at least 1
 * @param cursor         where the page starts, or null for the first page
 */
public record RecordQuery(long personId, String resourceType, List<Token> codes, List<Token> categories,
                          List<String> statuses, List<Token> identifiers, Instant dateFrom, Instant dateTo,
                          Instant updatedFrom, Instant updatedTo, Sort sort, int count, Cursor cursor) {

    public static final int MOST_PER_PAGE = 1000;

    /** The code system of CareWeave's record categories (problem, medication, emergency-admission, ...). */
    public static final String CATEGORY_SYSTEM = "https://careweave.org/fhir/CodeSystem/record-category";

    /** The instants a query can hold: the database reads them as ISO text, which has years 0001 to 9999. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public RecordQuery {
        codes = List.copyOf(codes);
        categories = List.copyOf(categories);
        statuses = List.copyOf(statuses);
        identifiers = List.copyOf(identifiers);
        if (count < 1 || count > MOST_PER_PAGE) {
            throw new IllegalArgumentException("_count must be between 1 and " + MOST_PER_PAGE + "; got " + count);
        }
        if (dateFrom != null && dateTo != null && !dateTo.isAfter(dateFrom)) {
            throw new IllegalArgumentException("The date range is empty: it ends before it starts");
        }
        for (Instant bound : new Instant[] {dateFrom, dateTo, updatedFrom, updatedTo}) {
            if (bound != null && !searchable(bound)) {
                throw new IllegalArgumentException("Search dates must be in the years 0001 to 9999; got " + bound);
            }
        }
    }

    /** Whether a query can hold this instant (see {@link #EARLIEST}). */
    public static boolean searchable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** Everything about the person of every type, newest first. */
    public static RecordQuery everything(long personId, Instant since, int count, Cursor cursor) {
        return new RecordQuery(personId, null, List.of(), List.of(), List.of(), List.of(), null, null, since, null,
                Sort.DATE_DESCENDING, count, cursor);
    }

    /** The query's shape for the audit trail: which filters were set, never their values. */
    public String describe() {
        StringBuilder text = new StringBuilder("patient");
        if (!codes.isEmpty()) {
            text.append(",code");
        }
        if (!categories.isEmpty()) {
            text.append(",category");
        }
        if (!statuses.isEmpty()) {
            text.append(",status");
        }
        if (!identifiers.isEmpty()) {
            text.append(",identifier");
        }
        if (dateFrom != null || dateTo != null) {
            text.append(",date");
        }
        if (updatedFrom != null || updatedTo != null) {
            text.append(",_lastUpdated");
        }
        return text.append(",_sort=").append(sort.parameter()).toString();
    }

    /** A token search value: {@code system|code}, {@code code} (any system, system null) or {@code |code} (no system, system ""). */
    public record Token(String system, String code) {

        public Token {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("A token needs a code after the '|'");
            }
        }
    }

    /** Orders a search can be sorted in; each is a key plus the item id, so pages never overlap or skip. */
    public enum Sort {
        DATE_DESCENDING("-date"), DATE_ASCENDING("date"),
        LAST_UPDATED_DESCENDING("-_lastUpdated"), LAST_UPDATED_ASCENDING("_lastUpdated");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public boolean descending() {
            return parameter.startsWith("-");
        }

        public boolean byDate() {
            return this == DATE_DESCENDING || this == DATE_ASCENDING;
        }

        /** @throws IllegalArgumentException naming the orders there are */
        public static Sort parse(String value) {
            for (Sort sort : values()) {
                if (sort.parameter.equals(value)) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("_sort '" + value + "' is not supported; use date, -date, "
                    + "_lastUpdated or -_lastUpdated");
        }
    }

    /**
     * A position in a sorted search: the sort key and id of an item, and whether the page runs on from it (next) or
     * ends before it (previous). Keyed rather than counted, so items added meanwhile neither repeat nor disappear.
     *
     * @param key null for items without a clinical date, which sort as the earliest
     */
    public record Cursor(Instant key, long id, boolean forward) {

        /** As text for a link: {@code n} or {@code p}, then the key in epoch microseconds (or {@code -}), then the id. */
        public String text() {
            return (forward ? "n" : "p") + (key == null ? "-" : Long.toString(micros(key))) + "." + id;
        }

        /** @throws IllegalArgumentException when the text is not one {@link #text()} made */
        public static Cursor parse(String text) {
            try {
                int dot = text.indexOf('.');
                char direction = text.charAt(0);
                if ((direction != 'n' && direction != 'p') || dot < 2) {
                    throw new IllegalArgumentException();
                }
                String key = text.substring(1, dot);
                Instant instant = key.equals("-") ? null : fromMicros(Long.parseLong(key));
                if (instant != null && !searchable(instant)) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(instant, Long.parseLong(text.substring(dot + 1)), direction == 'n');
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The paging cursor '" + text + "' is not one this server made; "
                        + "follow the next and previous links of a search answer");
            }
        }

        private static long micros(Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        }

        private static Instant fromMicros(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }
    }
}
