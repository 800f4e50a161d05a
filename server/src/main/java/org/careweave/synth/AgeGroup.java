package org.careweave.synth;

/** The age groups in which condition prevalence and service use are stated (columns of conditions.csv). */
enum AgeGroup {
    AGED_0_17(0), AGED_18_39(18), AGED_40_64(40), AGED_65_74(65), AGED_75_84(75), AGED_85_PLUS(85);

    private final int from;

    AgeGroup(int from) {
        this.from = from;
    }

    int from() {
        return from;
    }

    static AgeGroup of(int age) {
        AgeGroup[] groups = values();
        for (int i = groups.length - 1; i > 0; i--) {
            if (age >= groups[i].from) {
                return groups[i];
            }
        }
        return AGED_0_17;
    }
}
