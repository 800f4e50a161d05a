package org.careweave.synth;

import java.util.BitSet;

import org.careweave.person.NhsNumber;

/**
 * Hands out NHS numbers that pass the modulus 11 check and were never issued to a real person: first from the
 * 999 range used for testing (about 909,000 valid numbers), then from 998, 997 and so on down to 900 — numbers
 * beginning with 9 are not issued to patients in England. Within a range the order is a fixed scramble of the
 * last six digits, so consecutive residents do not get consecutive numbers. Numbers already in the database are
 * marked used first, so appending never collides.
 */
final class NhsNumberSequence {

    private static final int RANGE = 1_000_000;
    private static final int RANGES = 100;
    /** Odd and not a multiple of 5, so multiplying by it modulo 10^6 visits every six-digit tail exactly once. */
    private static final long STRIDE = 737_381;

    private final BitSet[] used = new BitSet[RANGES];
    private final long offset;
    private int range;
    private long position;

    NhsNumberSequence(long seed) {
        offset = Math.floorMod(Seeds.mix(seed ^ Seeds.NHS_NUMBERS), (long) RANGE);
    }

    /** Records a number already held by someone, so it is never handed out. Numbers outside 900-999 are ignored. */
    void markUsed(String nhsNumber) {
        if (nhsNumber == null || nhsNumber.length() != 10 || nhsNumber.charAt(0) != '9') {
            return;
        }
        try {
            int prefix = Integer.parseInt(nhsNumber.substring(0, 3));
            int tail = Integer.parseInt(nhsNumber.substring(3, 9));
            usedIn(999 - prefix).set(tail);
        } catch (NumberFormatException ignored) {
            // not digits: cannot collide with a generated number
        }
    }

    String next() {
        while (true) {
            if (position == RANGE) {
                range++;
                position = 0;
                if (range == RANGES) {
                    throw new IllegalStateException("All never-issued NHS numbers (900 000 0000 to 999 999 9999) "
                            + "are in use");
                }
            }
            int tail = (int) ((position++ * STRIDE + offset) % RANGE);
            BitSet bits = usedIn(range);
            if (bits.get(tail)) {
                continue;
            }
            long firstNine = (999L - range) * RANGE + tail;
            int check = checkDigit(firstNine);
            if (check != NhsNumber.NO_CHECK_DIGIT) {
                bits.set(tail);
                return Long.toString(firstNine * 10 + check);
            }
        }
    }

    private BitSet usedIn(int index) {
        if (used[index] == null) {
            used[index] = new BitSet(RANGE);
        }
        return used[index];
    }

    private static int checkDigit(long firstNine) {
        int sum = 0;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (int) (firstNine % 10) * weight;
            firstNine /= 10;
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
