package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MllpFramesUnitTests {

    static final String MSH = "MSH|^~\\&|PAS|R9A|CAREWEAVE|CW|202603011000||ADT^A01^ADT_A01|C1|P|2.4";

    @Test
    void theCharacterSetIsReadFromMsh18WhateverEndsTheSegments() {
        for (String end : new String[] {"\r", "\n", "\r\n"}) {
            assertThat(MllpFrames.charsetOf(bytes(MSH + "||||||8859/1" + end + "EVN|A01" + end)))
                    .isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(MllpFrames.charsetOf(bytes(MSH + end + "PID|1|2|3|4|5|8859" + end)))
                    .isEqualTo(StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.ISO_8859_1);
    }
}
