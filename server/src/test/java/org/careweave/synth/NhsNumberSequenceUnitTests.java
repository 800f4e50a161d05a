package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.careweave.person.NhsNumber;
import org.junit.jupiter.api.Test;

class NhsNumberSequenceUnitTests {

    @Test
    void handsOutValidUniqueNeverIssuedNumbersBeyondThe999Range() {
        NhsNumberSequence sequence = new NhsNumberSequence(42);
        int count = 1_000_000; // more than the 999 range's ~909,000 valid numbers
        long[] numbers = new long[count];
        int in999 = 0;
        for (int i = 0; i < count; i++) {
            String number = sequence.next();
            assertThat(NhsNumber.isValid(number)).as(number).isTrue();
            assertThat(number).startsWith("99");
            in999 += number.startsWith("999") ? 1 : 0;
            numbers[i] = Long.parseLong(number);
        }
        Arrays.sort(numbers);
        for (int i = 1; i < count; i++) {
            assertThat(numbers[i]).isNotEqualTo(numbers[i - 1]);
        }
        // 10 of every 11 first-nine-digit combinations have a check digit; the rest spill into 998.
        assertThat(in999).isBetween(900_000, 920_000);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherOrder() {
        assertThat(first(7, 1000)).isEqualTo(first(7, 1000));
        assertThat(first(7, 1000)).isNotEqualTo(first(8, 1000));
    }

    @Test
    void neverHandsOutANumberAlreadyInUse() {
        List<String> taken = first(7, 50);
        NhsNumberSequence sequence = new NhsNumberSequence(7);
        taken.forEach(sequence::markUsed);
        Set<String> next = new HashSet<>(first(sequence, 500));
        assertThat(next).hasSize(500).doesNotContainAnyElementsOf(taken);
    }

    @Test
    void ignoresNumbersOutsideTheRangeItUses() {
        NhsNumberSequence sequence = new NhsNumberSequence(7);
        sequence.markUsed("4010232137");
        sequence.markUsed("not-digits");
        sequence.markUsed(null);
        assertThat(first(sequence, 10)).isEqualTo(first(7, 10));
    }

    private static List<String> first(long seed, int count) {
        return first(new NhsNumberSequence(seed), count);
    }

    private static List<String> first(NhsNumberSequence sequence, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(sequence.next());
        }
        return numbers;
    }
}
