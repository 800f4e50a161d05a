package org.careweave.adt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** ADT messages in the shapes English patient administration systems send, and an MLLP client to send them. */
final class AdtTestMessages {

    private AdtTestMessages() {
    }

    /** A patient as PID carries it. */
    record Patient(String nhsNumber, String hospitalNumber, String family, String given, String birthDate, String sex) {

        String pid() {
            String ids = (nhsNumber == null ? "" : nhsNumber + "^^^NHS^NH")
                    + (nhsNumber != null && hospitalNumber != null ? "~" : "")
                    + (hospitalNumber == null ? "" : hospitalNumber + "^^^R9A^MR");
            return "PID|1||" + ids + "||" + family + "^" + given + "^^^Mrs||" + birthDate + "|" + sex
                    + "|||1 Mill Lane^^Threadmere^^TM1 1AA||01632960000";
        }
    }

    /** A visit as PV1 carries it; null fields stay empty. */
    record Visit(String patientClass, String ward, String priorWard, String admissionType, String visitNumber,
                 String disposition, String admitted, String discharged) {

        String pv1() {
            String[] fields = new String[46];
            java.util.Arrays.fill(fields, "");
            fields[0] = "PV1";
            fields[1] = "1";
            fields[2] = nz(patientClass);
            fields[3] = ward == null ? "" : ward + "^BAY1^BED2^R9A";
            fields[4] = nz(admissionType);
            fields[6] = priorWard == null ? "" : priorWard + "^^^R9A";
            fields[7] = "C1234567^Jones^Alan^^^Dr";
            fields[10] = "300";
            fields[14] = "19";
            fields[19] = nz(visitNumber);
            fields[36] = nz(disposition);
            fields[44] = nz(admitted);
            fields[45] = nz(discharged);
            return String.join("|", fields);
        }

        Visit withWard(String newWard, String prior) {
            return new Visit(patientClass, newWard, prior, admissionType, visitNumber, disposition, admitted, discharged);
        }

        Visit discharged(String when, String dispositionCode) {
            return new Visit(patientClass, ward, priorWard, admissionType, visitNumber, dispositionCode, admitted, when);
        }

        private static String nz(String value) {
            return value == null ? "" : value;
        }
    }

    static String message(String event, String version, String facility, String controlId, String eventTime,
                          String... segments) {
        String structure = switch (event) {
            case "A01", "A04", "A08", "A13", "A28", "A31" -> "ADT_A01";
            case "A05" -> "ADT_A05";
            case "A11" -> "ADT_A09";
            case "A40" -> "ADT_A39";
            default -> "ADT_" + event;
        };
        String type = version.startsWith("2.3") ? "ADT^" + event : "ADT^" + event + "^" + structure;
        StringBuilder text = new StringBuilder("MSH|^~\\&|PAS|" + facility + "|CAREWEAVE|CW|" + eventTime + "||" + type
                + "|" + controlId + "|P|" + version + "\r");
        text.append("EVN|").append(event).append('|').append(eventTime).append("\r");
        for (String segment : segments) {
            text.append(segment).append('\r');
        }
        return text.toString();
    }

    static String visitMessage(String event, String version, String controlId, String eventTime, Patient patient,
                               Visit visit) {
        return message(event, version, "R9A", controlId, eventTime, patient.pid(), visit.pv1());
    }

    /** Sends each message on one connection with MLLP framing and returns the ACKs. */
    static String[] send(int port, String... messages) throws IOException {
        return send(new Socket("localhost", port), messages);
    }

    /** As {@link #send(int, String...)}, on a socket the caller opened (e.g. with TLS); closes it. */
    static String[] send(Socket connection, String... messages) throws IOException {
        String[] acks = new String[messages.length];
        try (Socket socket = connection) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < messages.length; i++) {
                out.write(0x0B);
                out.write(messages[i].getBytes(StandardCharsets.UTF_8));
                out.write(0x1C);
                out.write(0x0D);
                out.flush();
                acks[i] = new String(MllpFrames.read(in), StandardCharsets.UTF_8);
            }
        }
        return acks;
    }

    static String ack(int port, String message) throws IOException {
        return send(port, message)[0];
    }

    /** MSA-1 of an ACK. */
    static String code(String ack) {
        String msa = ack.substring(ack.indexOf("\rMSA|") + 5);
        return msa.substring(0, 2);
    }
}
