package org.careweave.synth;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the generation seed. Each resident gets its own stream from
 * (seed, index), so a resident's data do not depend on how many were generated before or on generation order, and
 * the same resident can be re-derived in the second (record item) pass without holding anyone in memory.
 */
final class Seeds {

    static final long RESIDENTS = 0x5EED_0001L;
    static final long PLACES = 0x5EED_0002L;
    static final long NHS_NUMBERS = 0x5EED_0003L;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ stream) + index));
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
