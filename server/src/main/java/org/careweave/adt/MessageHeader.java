package org.careweave.adt;

import java.util.Set;

/**
 * The MSH segment as far as acknowledging and de-duplicating need it, read straight from the text so that even a
 * message HAPI cannot parse can be stored and answered with an AR naming its control id.
 */
record MessageHeader(char fieldSeparator, String encodingCharacters, String sendingApplication,
                     String sendingFacility, String receivingApplication, String receivingFacility,
                     String messageType, String triggerEvent, String controlId, String processingId, String version) {

    static final Set<String> ACCEPTED_VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");
    static final Set<String> ACCEPTED_EVENTS = Set.of("A01", "A02", "A03", "A04", "A05", "A08", "A11", "A12", "A13",
            "A28", "A31", "A40");

    /**
     * @param message with segments ending in carriage returns ({@link Hl7Text#withCarriageReturns})
     * @return the header, or null when the text does not start with a readable MSH segment
     */
    static MessageHeader read(String message) {
        if (message.length() < 8 || !message.startsWith("MSH")) {
            return null;
        }
        char separator = message.charAt(3);
        int end = message.indexOf('\r');
        String segment = end < 0 ? message : message.substring(0, end);
        String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (fields.length < 12 || fields[1].isEmpty()) {
            return null;
        }
        String encoding = fields[1];
        String component = java.util.regex.Pattern.quote(String.valueOf(encoding.charAt(0)));
        String[] type = fields[8].split(component, -1);
        return new MessageHeader(separator, encoding, firstComponent(fields[2], component),
                firstComponent(fields[3], component), firstComponent(fields[4], component),
                firstComponent(fields[5], component), blankToNull(type[0]),
                type.length > 1 ? blankToNull(type[1]) : null, blankToNull(fields[9]),
                firstComponent(fields[10], component), firstComponent(fields[11], component));
    }

    /** Why this message is not one CareWeave takes, or null when it is. */
    String refusal() {
        if (controlId == null) {
            return "MSH-10 message control id is empty";
        }
        if (version == null || !ACCEPTED_VERSIONS.contains(version)) {
            return "MSH-12 version " + version + " is not accepted; send 2.3, 2.3.1, 2.4, 2.5 or 2.5.1";
        }
        if (!"ADT".equals(messageType) || triggerEvent == null || !ACCEPTED_EVENTS.contains(triggerEvent)) {
            return "MSH-9 message type " + typeName() + " is not accepted; send ADT A01, A02, A03, A04, A05, A08, "
                    + "A11, A12, A13, A28, A31 or A40";
        }
        return null;
    }

    String typeName() {
        return messageType + "^" + triggerEvent;
    }

    private static String firstComponent(String field, String componentSeparator) {
        return blankToNull(field.split(componentSeparator, -1)[0]);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
