package org.careweave.access;

import java.util.Locale;

/**
 * What kind of information a record item is, as data-sharing agreements and consent name it. The last three are
 * sensitive: they are shared beyond the organisation that recorded them only with the person's explicit permission.
 */
public enum DataCategory {
    PROBLEMS, MEDICATIONS, ALLERGIES, ENCOUNTERS, OBSERVATIONS, SOCIAL_CARE,
    SEXUAL_HEALTH, MENTAL_HEALTH, SAFEGUARDING;

    public boolean sensitive() {
        return this == SEXUAL_HEALTH || this == MENTAL_HEALTH || this == SAFEGUARDING;
    }

    /**
     * The category of a record item from its stored category and sensitivity marker.
     *
     * @param sensitivity null, or one of the sensitive category names
     */
    public static DataCategory ofItem(String itemCategory, String sensitivity) {
        if (sensitivity != null) {
            return valueOf(sensitivity);
        }
        return switch (itemCategory) {
            case "problem" -> PROBLEMS;
            case "medication" -> MEDICATIONS;
            case "allergy" -> ALLERGIES;
            case "observation", "procedure", "immunization" -> OBSERVATIONS;
            case "social-care-package", "care-home-placement" -> SOCIAL_CARE;
            default -> ENCOUNTERS;
        };
    }

    /** Parses a category name given by a person, with a message listing the valid names. */
    public static DataCategory parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown data category '" + name + "'; use one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
