package org.careweave.worklist;

/** The notification or task does not exist or is not addressed to the caller; the two are not told apart. */
public class NotOnYourWorklist extends RuntimeException {

    public NotOnYourWorklist(String message) {
        super(message);
    }
}
