package org.careweave.shared;

/** What a member of staff does for an organisation. A person may hold several roles, each for one organisation. */
public enum Role {
    GP("GP"),
    NURSE("Nurse"),
    SOCIAL_WORKER("Social worker"),
    CARE_COORDINATOR("Care coordinator"),
    LINK_WORKER("Social prescribing link worker"),
    MENTAL_HEALTH_PRACTITIONER("Mental health practitioner"),
    ADMINISTRATOR("System administrator"),
    DATA_ANALYST("Data analyst"),
    PRIVACY_OFFICER("Privacy officer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Roles that care for people directly, and so may have a legitimate relationship with them. */
    public boolean caresDirectly() {
        return switch (this) {
            case GP, NURSE, SOCIAL_WORKER, CARE_COORDINATOR, LINK_WORKER, MENTAL_HEALTH_PRACTITIONER -> true;
            case ADMINISTRATOR, DATA_ANALYST, PRIVACY_OFFICER -> false;
        };
    }

    /** Roles whose holders may use emergency (break-glass) access. */
    public boolean mayBreakGlass() {
        return switch (this) {
            case GP, NURSE, SOCIAL_WORKER, MENTAL_HEALTH_PRACTITIONER -> true;
            default -> false;
        };
    }

    /** Parses a role name given by a person, with a message listing the valid names. */
    public static Role parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown role '" + name + "'; use one of "
                    + java.util.Arrays.toString(values()));
        }
    }

    /** Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
