package org.careweave.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careweave.record.RecordQuery;
import org.careweave.shared.England;

/**
 * The search parameters CareWeave answers on record items, read from the request as sent. Anything else is refused
 * with a message naming it, rather than ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
final class SearchParameters {

    /** Parameters every record type takes (patient or subject is required), as the CapabilityStatement lists them. */
    static final List<String> RECORD_SEARCH = List.of("patient", "subject", "identifier", "code", "date", "category",
            "status", "_lastUpdated");

    /** Result parameters, as the CapabilityStatement lists them. */
    static final List<String> RESULT = List.of("_count", "_sort", "_include", "_summary");

    /** Handled by HAPI itself on every answer. */
    static final Set<String> FORMAT = Set.of("_format", "_pretty", "_elements");

    static final int DEFAULT_COUNT = 20;

    /** The paging cursor of next and previous links. */
    static final String CURSOR = "_cursor";

    /** Where a next page of EpisodeOfCare's caseload episodes starts, after the record's items. */
    static final String CASELOAD_FROM = "_caseload";

    private SearchParameters() {
    }

    /**
     * @param supported the search parameters of this resource type, by name (e.g. AllergyIntolerance has no subject)
     */
    static RecordQuery recordQuery(FhirContext fhir, String type, Set<String> supported, Map<String, String[]> raw) {
        Long person = null;
        List<RecordQuery.Token> codes = new ArrayList<>();
        List<RecordQuery.Token> categories = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<RecordQuery.Token> identifiers = new ArrayList<>();
        Instant[] date = new Instant[2];
        Instant[] updated = new Instant[2];
        for (Map.Entry<String, String[]> parameter : raw.entrySet()) {
            String name = parameter.getKey();
            String[] values = parameter.getValue();
            if (!RECORD_SEARCH.contains(name) && !RESULT.contains(name) && !FORMAT.contains(name)
                    && !CURSOR.equals(name)) {
                throw unknown(type, name);
            }
            if (!name.startsWith("_") && !supported.contains(name)) {
                throw new InvalidRequestException(type + " has no search parameter '" + name + "'");
            }
            switch (name) {
                case "patient", "subject" -> person = patient(name, values, person);
                case "code" -> each(name, values, v -> codes.add(token(name, v)));
                case "category" -> each(name, values, v -> categories.add(token(name, v)));
                case "status" -> each(name, values, statuses::add);
                case "identifier" -> each(name, values, v -> identifiers.add(token(name, v)));
                case "date" -> range(fhir, name, values, date);
                case "_lastUpdated" -> range(fhir, name, values, updated);
                default -> {
                }
            }
        }
        if (person == null) {
            throw new InvalidRequestException("Search " + type + " for one patient: add patient=Patient/{id}"
                    + (supported.contains("subject") ? " (or subject=Patient/{id})" : "")
                    + "; the record is searched one person at a time, through the access policy");
        }
        long personId = person;
        return FhirErrors.translated(() -> new RecordQuery(personId, type, codes, categories, statuses, identifiers,
                date[0], date[1], updated[0], updated[1], sort(raw), count(raw), cursor(raw)));
    }

    static InvalidRequestException unknown(String type, String name) {
        return new InvalidRequestException("Unknown search parameter '" + name + "' for " + type
                + "; supported: " + String.join(", ", RECORD_SEARCH) + ", " + String.join(", ", RESULT));
    }

    static int count(Map<String, String[]> raw) {
        String value = single(raw, "_count");
        if (value == null) {
            return DEFAULT_COUNT;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count < 1 || count > RecordQuery.MOST_PER_PAGE) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("_count must be a whole number from 1 to " + RecordQuery.MOST_PER_PAGE
                    + "; got '" + value + "'");
        }
    }

    static RecordQuery.Cursor cursor(Map<String, String[]> raw) {
        String value = single(raw, CURSOR);
        return FhirErrors.translated(() -> value == null ? null : RecordQuery.Cursor.parse(value));
    }

    static boolean summaryCount(Map<String, String[]> raw) {
        return "count".equals(single(raw, "_summary"));
    }

    static List<String> includes(Map<String, String[]> raw) {
        List<String> includes = new ArrayList<>();
        String[] values = raw.get("_include");
        if (values != null) {
            for (String value : values) {
                includes.addAll(List.of(value.split(",")));
            }
        }
        return includes;
    }

    private static RecordQuery.Sort sort(Map<String, String[]> raw) {
        String value = single(raw, "_sort");
        return value == null ? RecordQuery.Sort.DATE_DESCENDING
                : FhirErrors.translated(() -> RecordQuery.Sort.parse(value.strip()));
    }

    static String single(Map<String, String[]> raw, String name) {
        String[] values = raw.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidRequestException(name + " may be given once");
        }
        return values[0];
    }

    private static Long patient(String name, String[] values, Long already) {
        if (values.length != 1 || values[0].contains(",") || already != null) {
            throw new InvalidRequestException("Search one patient at a time: give patient (or subject) once, "
                    + "with one value");
        }
        return reference(name, values[0], "Patient");
    }

    /** The CareWeave id a reference parameter gives: {@code 123}, {@code Type/123} or a URL ending in it. */
    static long reference(String name, String value, String type) {
        String id = value.strip();
        int slash = id.lastIndexOf('/');
        if (slash >= 0) {
            String prefix = id.substring(0, slash);
            if (!prefix.equals(type) && !prefix.endsWith("/" + type)) {
                throw new InvalidRequestException(name + " must refer to a " + type + "; got '" + id + "'");
            }
            id = id.substring(slash + 1);
        }
        if (!id.matches("\\d{1,18}")) {
            throw new InvalidRequestException(name + " must be a CareWeave " + type + " id (digits), as in "
                    + type + "/123; got '" + value + "'");
        }
        return Long.parseLong(id);
    }

    private interface Each {
        void accept(String value);
    }

    /** Comma-separated values mean "any of these". */
    private static void each(String name, String[] values, Each each) {
        if (values.length > 1) {
            throw new InvalidRequestException("Give " + name + " once, with values separated by commas "
                    + "(any of them)");
        }
        for (String value : values[0].split(",", -1)) {
            if (value.isBlank()) {
                throw new InvalidRequestException(name + " has an empty value; give each of its comma-separated "
                        + "values");
            }
            each.accept(value.strip());
        }
    }

    private static RecordQuery.Token token(String name, String value) {
        int bar = value.indexOf('|');
        String system = bar < 0 ? null : value.substring(0, bar);
        String code = bar < 0 ? value : value.substring(bar + 1);
        if (code.isEmpty()) {
            throw new InvalidRequestException(name + " '" + value + "' has no code after the '|'; searching by "
                    + "system alone is not supported");
        }
        return new RecordQuery.Token(system, code);
    }

    /**
     * Fills from (inclusive) and to (exclusive) from the prefixes (eq, lt, le, gt, ge, sa, eb), which HAPI checks. A
     * date without a time is a day (month, year) in England; HAPI would widen it by the largest time-zone offsets
     * anywhere, so that {@code date=2024-03-01} also found items of the evenings and mornings around it.
     */
    private static void range(FhirContext fhir, String name, String[] values, Instant[] bounds) {
        Instant from = null;
        Instant to = null;
        DateRangeParam range = new DateRangeParam();
        List<QualifiedParamList> lists = new ArrayList<>();
        for (String value : values) {
            if (value.isBlank()) {
                throw new InvalidRequestException(name + " is empty; give a date with an optional prefix, such as "
                        + name + "=ge2024-01-31");
            }
            if (value.contains(",")) {
                throw new InvalidRequestException(name + " takes one date per parameter; repeat the parameter for "
                        + "a range, e.g. " + name + "=ge2024-01-01&" + name + "=lt2025-01-01");
            }
            DateParam parsed;
            try {
                parsed = new DateParam(value);
            } catch (ca.uhn.fhir.parser.DataFormatException e) {
                throw new InvalidRequestException(name + " '" + value + "' is not a FHIR date with an optional "
                        + "prefix, such as ge2024-01-31 or lt2024-02-01T09:00:00Z");
            }
            if (parsed.getPrefix() == ParamPrefixEnum.NOT_EQUAL || parsed.getPrefix() == ParamPrefixEnum.APPROXIMATE) {
                throw new InvalidRequestException(name + " prefix '" + parsed.getPrefix().getValue()
                        + "' is not supported; use eq, lt, le, gt, ge, sa or eb");
            }
            Instant[] one = bounds(parsed);
            for (Instant bound : one) {
                if (bound != null && !RecordQuery.searchable(bound)) {
                    throw new InvalidRequestException(name + " '" + value + "' is outside the years CareWeave "
                            + "searches; give dates from 0001-01-01 to 9999-12-30");
                }
            }
            from = one[0] == null || (from != null && from.isAfter(one[0])) ? from : one[0];
            to = one[1] == null || (to != null && to.isBefore(one[1])) ? to : one[1];
            lists.add(QualifiedParamList.singleton(value));
        }
        try {
            range.setValuesAsQueryTokens(fhir, name, lists);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(name + " takes at most one lower bound (ge, gt or sa) and one upper "
                    + "bound (le, lt or eb), or one date (eq); got " + String.join(" and ", values));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException(name + " range is empty: " + String.join(" and ", values)
                    + " ends before it starts");
        }
        bounds[0] = from;
        bounds[1] = to;
    }

    /** From (inclusive) and to (exclusive) of one prefixed date, null where the range is open. */
    private static Instant[] bounds(DateParam date) {
        Instant[] period = period(date);
        ParamPrefixEnum prefix = date.getPrefix() == null ? ParamPrefixEnum.EQUAL : date.getPrefix();
        return switch (prefix) {
            case GREATERTHAN_OR_EQUALS -> new Instant[] {period[0], null};
            case GREATERTHAN, STARTS_AFTER -> new Instant[] {period[1], null};
            case LESSTHAN_OR_EQUALS -> new Instant[] {null, period[1]};
            case LESSTHAN, ENDS_BEFORE -> new Instant[] {null, period[0]};
            default -> period;
        };
    }

    /** The period a date names: a year, month or day in England, or an instant to its precision. */
    private static Instant[] period(DateParam date) {
        TemporalPrecisionEnum precision = date.getPrecision();
        if (precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
            DateRangeParam range = new DateRangeParam(new DateParam(ParamPrefixEnum.EQUAL, date.getValueAsString()));
            // HAPI gives the last millisecond still inside the range; the query wants the first one after it.
            return new Instant[] {range.getLowerBoundAsInstant().toInstant(),
                    range.getUpperBoundAsInstant().toInstant().plusMillis(1)};
        }
        String[] parts = date.getValueAsString().split("-");
        LocalDate first = LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
        LocalDate next = switch (precision) {
            case YEAR -> first.plusYears(1);
            case MONTH -> first.plusMonths(1);
            default -> first.plusDays(1);
        };
        return new Instant[] {first.atStartOfDay(England.ZONE).toInstant(), next.atStartOfDay(England.ZONE).toInstant()};
    }
}
