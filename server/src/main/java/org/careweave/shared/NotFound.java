package org.careweave.shared;

/** What a request names (a person, a saved cohort, ...) does not exist: 404 on the web and in the APIs. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
