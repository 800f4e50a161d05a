package org.careweave.risk;

/** A deficit, condition or reference-set file that cannot be used; the message names the file and line. */
class RiskDataInvalid extends RuntimeException {

    RiskDataInvalid(String message) {
        super(message);
    }
}
