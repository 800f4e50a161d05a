package org.careweave.adt;

/**
 * A message CareWeave understands but cannot apply (unknown facility, missing visit number, ...): answered AE, stored
 * as failed and re-processed after a fix. The message names fields, never their personal values.
 */
class CannotApply extends RuntimeException {

    CannotApply(String message) {
        super(message);
    }
}
