package org.careweave.record;

/** No person with this id is in the person index. */
public class PersonNotFound extends RuntimeException {

    public PersonNotFound(long personId) {
        super("No person with id " + personId);
    }
}
