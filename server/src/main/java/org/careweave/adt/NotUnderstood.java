package org.careweave.adt;

/** A message CareWeave cannot read or does not take: answered AR. The message never carries personal data. */
class NotUnderstood extends RuntimeException {

    NotUnderstood(String message) {
        super(message);
    }
}
