package org.careweave.access;

/** The policy refused access to a person's data; the message says why without naming the person. */
public class AccessDenied extends RuntimeException {

    private final PersonAccess.Basis basis;

    AccessDenied(PersonAccess.Basis basis, String message) {
        super(message);
        this.basis = basis;
    }

    public PersonAccess.Basis basis() {
        return basis;
    }
}
