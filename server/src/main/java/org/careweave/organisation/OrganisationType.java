package org.careweave.organisation;

/** Kinds of organisation taking part in a neighbourhood. */
public enum OrganisationType {
    ICB("Integrated care board"),
    PCN("Primary care network"),
    GP_PRACTICE("GP practice"),
    ACUTE_TRUST("Acute hospital trust"),
    COMMUNITY_TRUST("Community health trust"),
    MENTAL_HEALTH_TRUST("Mental health trust"),
    LOCAL_AUTHORITY("Local authority adult social care"),
    VCSE("Voluntary and community organisation");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
