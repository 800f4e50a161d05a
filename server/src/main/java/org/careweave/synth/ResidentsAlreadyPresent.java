package org.careweave.synth;

/** Generation was asked for on a database that already has residents, without asking to append. */
class ResidentsAlreadyPresent extends RuntimeException {

    ResidentsAlreadyPresent() {
        super("The database already has residents; refusing to generate a second neighbourhood into it. "
                + "Use --append to add residents to it, or point CareWeave at an empty database.");
    }
}
