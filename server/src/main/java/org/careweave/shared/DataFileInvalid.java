package org.careweave.shared;

/** A data file CareWeave reads (reference tables, code lists) that cannot be right; the message names file and line. */
public class DataFileInvalid extends IllegalStateException {

    public DataFileInvalid(String message) {
        super(message);
    }
}
