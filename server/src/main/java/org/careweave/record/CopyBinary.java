package org.careweave.record;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's binary COPY format: every value goes with its length, so the FHIR JSON of a resource is sent
 * as the bytes received, where the text format made both sides scan and escape every byte of it. Values are written
 * in the columns' binary forms (int8, text, bytea, timestamptz, numeric), so each method's type must match its column.
 * Large values go to the stream directly; small ones gather in a buffer first.
 */
final class CopyBinary implements Closeable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in microseconds since the Unix epoch. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    /** @param out where the rows go; the caller closes it once this is closed */
    CopyBinary(OutputStream out) {
        this.out = out;
        put(SIGNATURE, 0, SIGNATURE.length);
        putInt(0); // flags
        putInt(0); // header extension length
    }

    /** Starts a row of this many values. */
    CopyBinary row(int values) {
        putShort(values);
        return this;
    }

    CopyBinary int4(int value) {
        putInt(4);
        putInt(value);
        return this;
    }

    CopyBinary int8(Long value) {
        if (value == null) {
            return nul();
        }
        putInt(8);
        putLong(value);
        return this;
    }

    CopyBinary text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A text value already in UTF-8, or a bytea value: both are sent as their bytes. */
    CopyBinary bytes(byte[] value) {
        if (value == null) {
            return nul();
        }
        putInt(value.length);
        put(value, 0, value.length);
        return this;
    }

    CopyBinary timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.multiplyExact(value.getEpochSecond(), 1_000_000L) + Math.round(value.getNano() / 1000.0);
        putInt(8);
        putLong(micros - POSTGRES_EPOCH_MICROS);
        return this;
    }

    /**
     * numeric's binary form: the absolute value in base-10000 digits, most significant first, with the power of
     * 10000 of the first digit (weight), the sign, and the number of decimal places to show (display scale).
     */
    CopyBinary numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        BigDecimal number = value.scale() < 0 ? value.setScale(0) : value;
        int scale = number.scale();
        // Shift left so that the fraction fills whole base-10000 digits, then split the integer into those digits.
        int fractionDigits = (scale + 3) / 4;
        BigInteger shifted = number.unscaledValue().abs().multiply(BigInteger.TEN.pow(fractionDigits * 4 - scale));
        short[] digits = new short[shifted.bitLength() / 13 + 2];
        int count = 0;
        while (shifted.signum() > 0) {
            BigInteger[] division = shifted.divideAndRemainder(TEN_THOUSAND);
            digits[count++] = division[1].shortValue();
            shifted = division[0];
        }
        int weight = count - 1 - fractionDigits;
        int lowest = 0;
        while (lowest < count && digits[lowest] == 0) {
            lowest++;
        }
        int kept = count - lowest;
        putInt(8 + 2 * kept);
        putShort(kept);
        putShort(kept == 0 ? 0 : weight);
        putShort(number.signum() < 0 ? 0x4000 : 0);
        putShort(scale);
        for (int i = count - 1; i >= lowest; i--) {
            putShort(digits[i]);
        }
        return this;
    }

    /** Ends the data and sends what is buffered; the caller closes the stream. */
    @Override
    public void close() {
        putShort(-1);
        flush();
    }

    private CopyBinary nul() {
        putInt(-1);
        return this;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (value >>> shift);
        }
    }

    private void putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (value >>> shift);
        }
    }

    private void put(byte[] bytes, int from, int length) {
        if (length > buffer.length - used) {
            flush();
            if (length > buffer.length / 2) {
                write(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, used, length);
        used += length;
    }

    private void ensure(int bytes) {
        if (buffer.length - used < bytes) {
            flush();
        }
    }

    private void flush() {
        write(buffer, 0, used);
        used = 0;
    }

    private void write(byte[] bytes, int from, int length) {
        try {
            out.write(bytes, from, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
