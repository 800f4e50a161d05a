package org.careweave.synth;

import java.time.Duration;

/** What a generation wrote. Counts only: no personal data. */
record GenerationSummary(long residents, long recordItems, int organisationsCreated, int demoUsersCreated,
                         Duration elapsed) {

    GenerationSummary withElapsed(Duration duration) {
        return new GenerationSummary(residents, recordItems, organisationsCreated, demoUsersCreated, duration);
    }

    String describe() {
        return String.format("Generated %,d residents and %,d record items (%d new organisations, %d new demo "
                        + "users) in %.1f s", residents, recordItems, organisationsCreated, demoUsersCreated,
                elapsed.toMillis() / 1000.0);
    }
}
