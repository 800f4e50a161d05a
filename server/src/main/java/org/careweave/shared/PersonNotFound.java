package org.careweave.shared;

/** No person with this id is in the person index. */
public class PersonNotFound extends NotFound {

    public PersonNotFound(long personId) {
        super("No person with id " + personId);
    }
}
