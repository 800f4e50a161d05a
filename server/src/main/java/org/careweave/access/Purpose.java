package org.careweave.access;

/** Why data are being used, with the HL7 v3 PurposeOfUse code that audit events carry (IHE BALP). */
public enum Purpose {
    DIRECT_CARE("TREAT"),
    EMERGENCY_CARE("ETREAT"),
    ADMINISTRATION("HOPERAT"),
    ANALYTICS("HQUALIMP");

    private final String purposeOfUse;

    Purpose(String purposeOfUse) {
        this.purposeOfUse = purposeOfUse;
    }

    public String purposeOfUse() {
        return purposeOfUse;
    }
}
