package org.careweave.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. Escapes straight into
 * its own buffer and hands the stream large chunks: pretty-printed FHIR JSON has a newline every few dozen bytes, and
 * a stream call per escape cost more than the rest of the ingest.
 */
final class CopyText implements Closeable {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For each byte value, the letter that follows the backslash in its escape, or 0 when it goes as it is. */
    private static final byte[] ESCAPE = new byte[256];

    static {
        ESCAPE['\\'] = '\\';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private boolean firstField = true;

    /** @param out where full buffers go; COPY is fed in chunks, never held whole */
    CopyText(OutputStream out) {
        this.out = out;
    }

    CopyText field(Object value) {
        separate();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof byte[] bytes) {
            escaped(bytes);
        } else {
            escaped(value.toString().getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A bytea value in hex form ({@code \\x...}, the backslash itself escaped for COPY). */
    CopyText hex(byte[] value) {
        if (value == null) {
            return field(null);
        }
        separate();
        put((byte) '\\');
        put((byte) '\\');
        put((byte) 'x');
        for (byte b : value) {
            put(HEX[(b >> 4) & 0xf]);
            put(HEX[b & 0xf]);
        }
        return this;
    }

    void endRow() {
        put((byte) '\n');
        firstField = true;
    }

    /** Sends what is buffered; the caller closes the stream. */
    @Override
    public void close() {
        flush();
    }

    private void separate() {
        if (!firstField) {
            put((byte) '\t');
        }
        firstField = false;
    }

    /** Copies runs of plain bytes whole; only backslash, newline, carriage return and tab are escaped. */
    private void escaped(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte escape = ESCAPE[bytes[i] & 0xff];
            if (escape != 0) {
                put(bytes, start, i - start);
                put((byte) '\\');
                put(escape);
                start = i + 1;
            }
        }
        put(bytes, start, bytes.length - start);
    }

    private void put(byte[] bytes, int from, int length) {
        while (length > 0) {
            if (used == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, from, buffer, used, n);
            used += n;
            from += n;
            length -= n;
        }
    }

    private void put(byte b) {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = b;
    }

    private void flush() {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used = 0;
    }
}
