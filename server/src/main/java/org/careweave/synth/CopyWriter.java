package org.careweave.synth;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Streams rows into one table with PostgreSQL's COPY (text format), sending a chunk whenever about a megabyte is
 * buffered, so memory stays flat however many rows are written.
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final String statement;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstField = true;
    private boolean finished;

    private CopyWriter(CopyIn copy, String statement) {
        this.copy = copy;
        this.statement = statement;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the connection (which must be PostgreSQL's). */
    static CopyWriter open(Connection connection, String table, String columns) {
        String statement = "COPY " + table + " (" + columns + ") FROM STDIN";
        try {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            return new CopyWriter(postgres.getCopyAPI().copyIn(statement), statement);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Starting COPY", statement, e);
        }
    }

    CopyWriter text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyWriter number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyWriter number(Double value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
        } else {
            buffer.append(value.doubleValue());
        }
        return this;
    }

    CopyWriter bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    CopyWriter date(LocalDate value) {
        return text(value == null ? null : value.toString());
    }

    /** A UTC timestamp, written as "yyyy-mm-dd hh:mm:00+00". */
    CopyWriter timestamp(LocalDateTime value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        buffer.append(value.toLocalDate()).append(' ');
        twoDigits(value.getHour()).append(':');
        twoDigits(value.getMinute()).append(":00+00");
        return this;
    }

    void endRow() {
        buffer.append('\n');
        firstField = true;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    /** Sends what is buffered and completes the COPY; returns the number of rows the server stored. */
    long finish() {
        flush();
        finished = true;
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Completing COPY", statement, e);
        }
    }

    /** Cancels the COPY if it was not finished (after a failure), so the connection can be rolled back. */
    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is being rolled back anyway
            }
        }
    }

    private StringBuilder twoDigits(int value) {
        return buffer.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private void separate() {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
    }

    private void flush() {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncategorizedSQLException("Sending COPY data", statement, e);
            }
            buffer.setLength(0);
        }
    }
}
