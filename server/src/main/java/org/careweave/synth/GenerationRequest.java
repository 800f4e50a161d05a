package org.careweave.synth;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param residents how many residents (0 creates only the organisations and demo users)
 * @param seed      the same seed, size and date always give the same data
 * @param append    add to a database that already has residents instead of refusing
 * @param asOf      the "today" of the generated data: ages, the last 12 months of activity
 * @param demoUsers also create the demo users (published passwords)
 */
record GenerationRequest(int residents, long seed, boolean append, LocalDate asOf, boolean demoUsers) {

    static final int MAX_RESIDENTS = 5_000_000;

    GenerationRequest {
        if (residents < 0 || residents > MAX_RESIDENTS) {
            throw new IllegalArgumentException("residents must be between 0 and " + MAX_RESIDENTS + ", not "
                    + residents);
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
    }
}
