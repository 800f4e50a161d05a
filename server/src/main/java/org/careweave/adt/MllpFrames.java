package org.careweave.adt;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** MLLP framing: 0x0B, the message, 0x1C 0x0D. Bytes outside a frame are ignored, as the protocol allows. */
final class MllpFrames {

    static final int START = 0x0B;
    static final int END = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private MllpFrames() {
    }

    /** @return the next message's bytes, or null when the peer closed the connection between messages */
    static byte[] read(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b == -1) {
                return null;
            }
        } while (b != START);
        ByteArrayOutputStream message = new ByteArrayOutputStream(2048);
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new EOFException("The connection closed inside a message");
            }
            if (b == END) {
                int next = in.read();
                if (next == CARRIAGE_RETURN) {
                    return message.toByteArray();
                }
                message.write(b);
                if (next == -1) {
                    throw new EOFException("The connection closed inside a message");
                }
                b = next;
            }
            message.write(b);
            if (message.size() > MAX_BYTES) {
                throw new IOException("A message longer than " + MAX_BYTES + " bytes");
            }
        }
    }

    static void write(OutputStream out, String message, Charset charset) throws IOException {
        out.write(START);
        out.write(message.getBytes(charset));
        out.write(END);
        out.write(CARRIAGE_RETURN);
        out.flush();
    }

    /** MSH-18 naming an ISO 8859 set means Latin-1; anything else (UNICODE UTF-8, or nothing) is read as UTF-8. */
    static Charset charsetOf(byte[] message) {
        String latin = Hl7Text.withCarriageReturns(
                new String(message, 0, Math.min(message.length, 1024), StandardCharsets.ISO_8859_1));
        int end = latin.indexOf('\r');
        String msh = end < 0 ? latin : latin.substring(0, end);
        if (msh.length() > 3) {
            String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
            if (fields.length > 17 && fields[17].startsWith("8859")) {
                return StandardCharsets.ISO_8859_1;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
