package org.careweave.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private final OutputStream out;
    private boolean firstField = true;

    /** @param out a buffered stream; COPY is fed in the stream's chunks, never held whole */
    CopyText(OutputStream out) {
        this.out = out;
    }

    CopyText field(Object value) {
        try {
            fieldOrFail(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void fieldOrFail(Object value) throws IOException {
        separate();
        if (value == null) {
            out.write('\\');
            out.write('N');
        } else if (value instanceof byte[] bytes) {
            escaped(bytes);
        } else {
            escaped(value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A bytea value in hex form. */
    CopyText hex(byte[] value) {
        return field(value == null ? null : "\\x" + HexFormat.of().formatHex(value));
    }

    void endRow() {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        firstField = true;
    }

    private void separate() throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
    }

    private void escaped(byte[] bytes) throws IOException {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            char escape = switch (b) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                out.write(bytes, start, i - start);
                out.write('\\');
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(bytes, start, bytes.length - start);
    }
}
