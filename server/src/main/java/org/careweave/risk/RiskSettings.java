package org.careweave.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Risk stratification settings ({@code careweave.risk.*}).
 *
 * @param deficitsFile   a file replacing the shipped eFI deficit codes (blank: {@code classpath:risk/efi-deficits.csv})
 * @param cmsFile        a file replacing the shipped Cambridge Multimorbidity Score conditions and weights
 * @param referenceSet   a file of further known SNOMED CT codes (one per line, or an RF2 refset with a
 *                       {@code referencedComponentId} column); codes in neither it nor the shipped list are reported
 * @param recomputeCron  when the nightly full recomputation runs ("-" to switch it off)
 * @param priority       weights of the combined priority for proactive care
 */
@ConfigurationProperties("careweave.risk")
record RiskSettings(@DefaultValue("") String deficitsFile, @DefaultValue("") String cmsFile,
                    @DefaultValue("") String referenceSet, @DefaultValue("0 30 2 * * *") String recomputeCron,
                    @DefaultValue Priority priority) {

    /**
     * priority = efi × eFI + cms × CMS + emergencyAdmission × admissions + aeAttendance × attendances
     * + bedDay × bed days (utilisation over the last 12 months).
     */
    record Priority(@DefaultValue("10") double efi, @DefaultValue("1") double cms,
                    @DefaultValue("1.5") double emergencyAdmission, @DefaultValue("0.5") double aeAttendance,
                    @DefaultValue("0.1") double bedDay) {

        Priority {
            for (double weight : new double[] {efi, cms, emergencyAdmission, aeAttendance, bedDay}) {
                if (!(weight >= 0 && weight <= 1000)) {
                    throw new IllegalArgumentException("careweave.risk.priority.* weights must be between 0 and "
                            + "1000, not " + weight);
                }
            }
        }

        /** Part of the priority's version, so a change of weights is visible on every stored score. */
        String describe() {
            return "efi=" + efi + ",cms=" + cms + ",admission=" + emergencyAdmission + ",ae=" + aeAttendance
                    + ",bedday=" + bedDay;
        }
    }
}
