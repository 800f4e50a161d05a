package org.careweave.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberUnitTests {

    // Check digits worked by hand: weights 10..2 over the first nine digits, 11 - (sum mod 11), 11 -> 0.
    // 943476591: 90+36+24+28+42+30+20+27+2 = 299; 299 mod 11 = 2; 11-2 = 9  -> 9434765919
    // 900000000: 90; 90 mod 11 = 2; 11-2 = 9                                -> 9000000009
    // 401023213: 40+0+8+0+12+15+8+3+6 = 92; 92 mod 11 = 4; 11-4 = 7          -> 4010232137
    // 200000001: 20+2 = 22; 22 mod 11 = 0; 11-0 = 11 -> 0                    -> 2000000010
    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "9000000009", "4010232137", "2000000010"})
    void acceptsNumbersWithTheRightCheckDigit(String value) {
        assertThat(new NhsNumber(value).value()).isEqualTo(value);
    }

    @Test
    void checkDigitElevenBecomesZero() {
        assertThat(NhsNumber.checkDigitOf("200000001")).isZero();
    }

    @Test
    void rejectsAWrongCheckDigitSayingWhichDigitWasExpected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber("9434765918"))
                .withMessageContaining("should be 9 but is 8");
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        // 100000001: 10+2 = 12; 12 mod 11 = 1; 11-1 = 10: no valid check digit exists.
        assertThat(NhsNumber.checkDigitOf("100000001")).isEqualTo(NhsNumber.NO_CHECK_DIGIT);
        for (int last = 0; last <= 9; last++) {
            String candidate = "100000001" + last;
            assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(candidate))
                    .withMessageContaining("check digit 10");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943476591A", ""})
    void rejectsAnythingButTenDigits(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(value))
                .withMessageContaining("exactly 10 digits");
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(null))
                .withMessage("An NHS number is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", " 9434765919 ", "943 476-5919"})
    void parsesTheWaysPeopleWriteIt(String text) {
        assertThat(NhsNumber.parse(text)).isEqualTo(new NhsNumber("9434765919"));
    }

    @Test
    void parseNamesTheOffendingCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> NhsNumber.parse("943/476/5919"))
                .withMessageContaining("'/'");
        assertThatIllegalArgumentException().isThrownBy(() -> NhsNumber.parse("  "))
                .withMessage("An NHS number is required");
    }

    @Test
    void formatsInThreeThreeFourGroups() {
        // 999123457: 90+81+72+7+12+15+16+15+14 = 322; 322 mod 11 = 3; 11-3 = 8 -> 9991234578
        assertThat(new NhsNumber("9991234578").formatted()).isEqualTo("999 123 4578");
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
        assertThat(NhsNumber.isValid("943 476 5918")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
    }

    @Test
    void validOrNullNormalisesValidNumbersAndRefusesTheRest() {
        assertThat(NhsNumber.validOrNull("943 476 5919")).isEqualTo("9434765919");
        assertThat(NhsNumber.validOrNull("9434765918")).isNull();
        assertThat(NhsNumber.validOrNull("94347659AA")).isNull();
        // 000 000 0060: weighted sum 12, 11 - 1 = 10, so no check digit exists
        assertThat(NhsNumber.validOrNull("0000000060")).isNull();
        assertThat(NhsNumber.validOrNull(null)).isNull();
    }
}
