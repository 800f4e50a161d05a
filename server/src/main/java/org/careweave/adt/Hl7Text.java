package org.careweave.adt;

/** The text of an HL7v2 message as CareWeave reads it. */
final class Hl7Text {

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
}
