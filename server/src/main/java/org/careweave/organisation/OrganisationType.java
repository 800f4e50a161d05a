package org.careweave.organisation;

/** The kinds of organisation that take part in a neighbourhood, in the order the directory lists them. */
public enum OrganisationType {
    ICB("Integrated care board", "Integrated care boards"),
    PCN("Primary care network", "Primary care networks"),
    GP_PRACTICE("GP practice", "GP practices"),
    ACUTE_TRUST("Acute trust", "Acute trusts"),
    COMMUNITY_TRUST("Community trust", "Community trusts"),
    MENTAL_HEALTH_TRUST("Mental health trust", "Mental health trusts"),
    LOCAL_AUTHORITY("Local authority", "Local authorities"),
    VCSE("Voluntary, community or social enterprise", "Voluntary, community and social enterprise organisations");

    private final String label;
    private final String pluralLabel;

    OrganisationType(String label, String pluralLabel) {
        this.label = label;
        this.pluralLabel = pluralLabel;
    }

    public String label() {
        return label;
    }

    public String pluralLabel() {
        return pluralLabel;
    }
}
