package org.careweave.adt;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.careweave.shared.England;

/**
 * Original-mode acknowledgements (MSH + MSA, and ERR for errors) in the version and encoding characters of the
 * message answered. Built as text rather than through HAPI's generateACK so that a message HAPI cannot parse is
 * answered the same way as one it can.
 */
final class Acknowledgements {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private Acknowledgements() {
    }

    enum Code { AA, AE, AR }

    static String of(MessageHeader header, Code code, String text) {
        char f = header == null ? '|' : header.fieldSeparator();
        String encoding = header == null ? "^~\\&" : header.encodingCharacters();
        String version = header == null || header.version() == null ? "2.5.1" : header.version();
        String trigger = header == null || header.triggerEvent() == null ? "" : header.triggerEvent();
        StringBuilder ack = new StringBuilder(160)
                .append("MSH").append(f).append(encoding).append(f)
                .append(value(header == null ? null : header.receivingApplication(), "CAREWEAVE", encoding)).append(f)
                .append(value(header == null ? null : header.receivingFacility(), "", encoding)).append(f)
                .append(value(header == null ? null : header.sendingApplication(), "", encoding)).append(f)
                .append(value(header == null ? null : header.sendingFacility(), "", encoding)).append(f)
                .append(ZonedDateTime.now(England.ZONE).format(STAMP)).append(f).append(f)
                .append("ACK").append(encoding.charAt(0)).append(trigger).append(encoding.charAt(0)).append("ACK")
                .append(f).append("CW").append(SEQUENCE.incrementAndGet()).append(f)
                .append(value(header == null ? null : header.processingId(), "P", encoding)).append(f)
                .append(version).append('\r')
                .append("MSA").append(f).append(code.name()).append(f)
                .append(value(header == null ? null : header.controlId(), "", encoding));
        if (text != null) {
            ack.append(f).append(escape(truncate(text), f, encoding));
        }
        ack.append('\r');
        if (code != Code.AA) {
            ack.append("ERR").append(f).append(f).append(f)
                    .append(code == Code.AR ? "200" : "207").append(encoding.charAt(0))
                    .append(code == Code.AR ? "Unsupported message type" : "Application internal error")
                    .append(encoding.charAt(0)).append("HL70357").append(f).append('E').append(f).append(f).append(f)
                    .append(escape(text == null ? "" : text, f, encoding)).append('\r');
        }
        return ack.toString();
    }

    private static String value(String value, String absent, String encoding) {
        return value == null ? absent : escape(value, '|', encoding);
    }

    /** MSA-3 is 80 characters in 2.3 and 2.4; the full text goes in ERR-8. */
    private static String truncate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String escape(String text, char field, String encoding) {
        char escapeChar = encoding.length() > 2 ? encoding.charAt(2) : '\\';
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == escapeChar) {
                out.append(escapeChar).append('E').append(escapeChar);
            } else if (c == field) {
                out.append(escapeChar).append('F').append(escapeChar);
            } else if (c == encoding.charAt(0)) {
                out.append(escapeChar).append('S').append(escapeChar);
            } else if (encoding.length() > 1 && c == encoding.charAt(1)) {
                out.append(escapeChar).append('R').append(escapeChar);
            } else if (encoding.length() > 3 && c == encoding.charAt(3)) {
                out.append(escapeChar).append('T').append(escapeChar);
            } else if (c == '\r' || c == '\n') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
