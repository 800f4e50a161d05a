package org.careweave.synth;

/** Told how far a generation has got. Receives counts only. */
@FunctionalInterface
interface GenerationProgress {

    GenerationProgress NONE = (phase, done, total) -> { };

    void update(String phase, long done, long total);
}
