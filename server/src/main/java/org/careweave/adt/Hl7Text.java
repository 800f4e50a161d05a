package org.careweave.adt;

/** The text of an HL7v2 message as CareWeave reads it. */
final class Hl7Text {

    /** The segments CareWeave reads fields from. */
    private static final java.util.Set<String> READ = java.util.Set.of("MSH", "EVN", "PID", "PD1", "PV1", "PV2", "MRG");

    private Hl7Text() {
    }

    /**
     * The message with every segment ending in a carriage return, as HL7v2 requires and CareWeave reads it: many
     * interfaces end segments with line feeds or CR LF instead, which are taken the same. HL7v2 escapes line breaks
     * inside a field, so a line feed can only end a segment.
     */
    static String withCarriageReturns(String message) {
        return message.replace("\r\n", "\r").replace('\n', '\r');
    }

    /**
     * Where the character at index is, e.g. "PID-5", to name it in an error without quoting it; "segment 4" when it
     * is in a segment's name or a segment of its own.
     */
    static String fieldAt(String message, int index, char fieldSeparator) {
        int start = message.lastIndexOf('\r', index) + 1;
        int field = 0;
        for (int at = start; at < index; at++) {
            if (message.charAt(at) == fieldSeparator) {
                field++;
            }
        }
        if (field == 0) {
            return "segment " + (message.substring(0, start).chars().filter(c -> c == '\r').count() + 1);
        }
        String segment = message.substring(start, message.indexOf(fieldSeparator, start));
        // MSH-1 is the field separator itself, so MSH's fields are numbered one higher than the separators before them
        return segment + "-" + (segment.equals("MSH") ? field + 1 : field);
    }

    /**
     * The first field of the segments CareWeave reads (MSH, EVN, PID, PD1, PV1, PV2, MRG) longer than {@code longest}
     * characters, named as {@link #fieldAt} names it, or null. Such values would be kept in indexed columns (control
     * id, visit number, names), which PostgreSQL cannot index past about 2,700 bytes.
     */
    static String fieldLongerThan(String message, char fieldSeparator, int longest) {
        int start = 0;
        while (start < message.length()) {
            int end = message.indexOf('\r', start);
            end = end < 0 ? message.length() : end;
            if (end - start > longest && READ.contains(message.substring(start, Math.min(start + 3, end)))) {
                int field = start;
                for (int at = start; at <= end; at++) {
                    if (at == end || message.charAt(at) == fieldSeparator) {
                        if (at - field > longest) {
                            return fieldAt(message, field + 1, fieldSeparator);
                        }
                        field = at + 1;
                    }
                }
            }
            start = end + 1;
        }
        return null;
    }
}
