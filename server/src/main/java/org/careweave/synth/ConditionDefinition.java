package org.careweave.synth;

import java.util.List;

/**
 * A long-term condition or problem the generator records, as listed in {@code synth/conditions.csv}.
 *
 * @param code        SNOMED CT concept id
 * @param sensitivity record sensitivity class, or null
 * @param recordedBy  organisation type that records it (GP_PRACTICE, ACUTE_TRUST, ...)
 * @param prevalence  share (0..1) of people with it, by {@link AgeGroup} ordinal
 * @param medicines   medicines prescribed for it
 */
record ConditionDefinition(String code, String display, String sensitivity, String recordedBy, double[] prevalence,
                           List<MedicineDefinition> medicines) {

    double prevalence(AgeGroup group) {
        return prevalence[group.ordinal()];
    }

    /** Youngest age from which the condition occurs at all: onset dates are drawn after it. */
    int earliestOnsetAge() {
        for (AgeGroup group : AgeGroup.values()) {
            if (prevalence(group) > 0) {
                return group.from();
            }
        }
        return 0;
    }
}
