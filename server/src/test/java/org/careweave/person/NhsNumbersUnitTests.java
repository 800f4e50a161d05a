package org.careweave.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumbersUnitTests {

    @Test
    void acceptsNumbersWhoseCheckDigitIsRight() {
        // 943 476 5919: weights 10..2 give 299, 11 - 299 % 11 = 9
        assertThat(NhsNumbers.validOrNull("943 476 5919")).isEqualTo("9434765919");
    }

    @Test
    void refusesWrongCheckDigitsWrongLengthsAndCheckDigitTen() {
        assertThat(NhsNumbers.validOrNull("9434765918")).isNull();
        assertThat(NhsNumbers.validOrNull("943476591")).isNull();
        assertThat(NhsNumbers.validOrNull("94347659AA")).isNull();
        // 000 000 0060: sum 6 * 2 = 12, 11 - 1 = 10, never valid
        assertThat(NhsNumbers.validOrNull("0000000060")).isNull();
        assertThat(NhsNumbers.validOrNull(null)).isNull();
    }
}
