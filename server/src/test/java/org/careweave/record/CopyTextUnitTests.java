package org.careweave.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CopyTextUnitTests {

    @Test
    void escapesBackslashNewlineReturnAndTabAndWritesNullsAndHex() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CopyText rows = new CopyText(out)) {
            rows.field("{\n\t\"a\": \"b\\\"c\"\r\n}".getBytes(StandardCharsets.UTF_8)).field(null).field(42)
                    .hex(new byte[] {0x0f, (byte) 0xa0}).field("é");
            rows.endRow();
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\\n\\t\"a\": \"b\\\\\"c\"\\r\\n}\t\\N\t42\t\\\\x0fa0\té\n");
    }

    @Test
    void keepsEveryByteOfRowsLargerThanItsBuffer() {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            json.append("{\"line\": ").append(i).append("}\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CopyText rows = new CopyText(out)) {
            rows.field(json.toString()).field("end");
            rows.endRow();
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(json.toString().replace("\n", "\\n") + "\tend\n");
    }
}
