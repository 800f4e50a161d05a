package org.careweave.record;

import org.careweave.access.PersonAccess;

/** The viewer may see the person, but policy withholds this item from them. */
public class ItemWithheld extends RuntimeException {

    private final PersonAccess.Withheld reason;

    ItemWithheld(PersonAccess.Withheld reason) {
        super("This item is withheld: " + reason.explanation());
        this.reason = reason;
    }

    public PersonAccess.Withheld reason() {
        return reason;
    }
}
