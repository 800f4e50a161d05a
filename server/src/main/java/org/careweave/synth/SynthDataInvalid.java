package org.careweave.synth;

/** A reference data file under {@code synth/} is malformed; the message names the file, line and problem. */
class SynthDataInvalid extends IllegalStateException {

    SynthDataInvalid(String message) {
        super(message);
    }
}
