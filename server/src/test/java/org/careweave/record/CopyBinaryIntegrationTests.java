package org.careweave.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;

/** What PostgreSQL stores from {@link CopyBinary}'s rows is each value exactly as given. */
@CareWeaveTest
class CopyBinaryIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyTypeArrivesAsWrittenIncludingNullsAndValuesLargerThanTheBuffer() throws Exception {
        String large = "{\"line\": 1}\n\t\\ é ".repeat(10_000);
        List<Object[]> rows = List.of(
                new Object[] {1, 9_000_000_000L, "tab\there, new\nline, back\\slash, é ✓", new byte[] {0, 1, (byte) 0xff},
                        Instant.parse("2024-02-29T23:59:59.123456Z"), new BigDecimal("12.5")},
                new Object[] {2, null, null, null, null, null},
                new Object[] {3, -1L, large, large.getBytes(StandardCharsets.UTF_8),
                        Instant.parse("1899-12-31T00:00:00Z"), new BigDecimal("-0.00001")},
                new Object[] {4, 0L, "", new byte[0], Instant.parse("2000-01-01T00:00:00Z"), new BigDecimal("0.000")},
                new Object[] {5, 0L, "x", new byte[] {1}, Instant.parse("2038-01-19T03:14:08Z"),
                        new BigDecimal("123456789012345678901234567890.0001")},
                new Object[] {6, 0L, "x", new byte[] {1}, Instant.EPOCH, new BigDecimal("1E+5")},
                new Object[] {7, 0L, "x", new byte[] {1}, Instant.EPOCH, new BigDecimal("10000")},
                new Object[] {8, 0L, "x", new byte[] {1}, Instant.EPOCH, new BigDecimal("-7.20")});

        List<Object[]> stored = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temp table copy_check (n int, big bigint, words text, raw bytea, "
                        + "at timestamptz, amount numeric)");
            }
            try (OutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "copy copy_check from stdin (format binary)");
                 CopyBinary out = new CopyBinary(copy)) {
                for (Object[] row : rows) {
                    out.row(6).int4((Integer) row[0]).int8((Long) row[1]).text((String) row[2]).bytes((byte[]) row[3])
                            .timestamptz((Instant) row[4]).numeric((BigDecimal) row[5]);
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select n, big, words, raw, at, amount::text from copy_check "
                         + "order by n")) {
                while (rs.next()) {
                    stored.add(new Object[] {rs.getInt(1), (Long) rs.getObject(2), rs.getString(3), rs.getBytes(4),
                            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                            rs.getString(6) == null ? null : new BigDecimal(rs.getString(6))});
                }
            }
        }

        assertThat(stored).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Object[] back = stored.get(i);
            assertThat(back[0]).isEqualTo(row[0]);
            assertThat(back[1]).isEqualTo(row[1]);
            assertThat(back[2]).isEqualTo(row[2]);
            assertThat((byte[]) back[3]).isEqualTo((byte[]) row[3]);
            assertThat(back[4]).isEqualTo(row[4]);
            BigDecimal amount = (BigDecimal) row[5];
            assertThat(back[5]).as("row %s", row[0])
                    .isEqualTo(amount == null ? null : amount.scale() < 0 ? amount.setScale(0) : amount);
        }
    }
}
