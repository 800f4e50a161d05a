package org.careweave.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careweave.shared.DataFile;

/**
 * The conditions and medicines the generator draws from ({@code synth/conditions.csv},
 * {@code synth/medications.csv}), validated when loaded so that a malformed row stops the application with a
 * message naming the file and line.
 */
final class ConditionCatalogue {

    static final String CONDITIONS = "synth/conditions.csv";
    static final String MEDICATIONS = "synth/medications.csv";
    static final Set<String> SENSITIVITIES = Set.of("MENTAL_HEALTH", "SEXUAL_HEALTH", "SAFEGUARDING");
    static final Set<String> RECORDERS = Set.of("GP_PRACTICE", "ACUTE_TRUST", "COMMUNITY_TRUST",
            "MENTAL_HEALTH_TRUST", "LOCAL_AUTHORITY");

    private static final String[] CONDITION_HEADER = {"code", "display", "sensitivity", "recorded_by",
            "prevalence_0_17", "prevalence_18_39", "prevalence_40_64", "prevalence_65_74", "prevalence_75_84",
            "prevalence_85_plus"};
    private static final String[] MEDICATION_HEADER = {"condition_code", "code", "display", "dose", "probability"};

    private final List<ConditionDefinition> conditions;

    ConditionCatalogue(List<ConditionDefinition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    static ConditionCatalogue load() {
        return parse(DataFile.read("classpath:" + CONDITIONS, CONDITION_HEADER), DataFile.read("classpath:" + MEDICATIONS, MEDICATION_HEADER));
    }

    static ConditionCatalogue parse(String conditionsCsv, String medicationsCsv) {
        return parse(DataFile.parse(CONDITIONS, conditionsCsv, CONDITION_HEADER),
                DataFile.parse(MEDICATIONS, medicationsCsv, MEDICATION_HEADER));
    }

    private static ConditionCatalogue parse(List<DataFile.Row> conditionRows, List<DataFile.Row> medicineRows) {
        Map<String, List<MedicineDefinition>> medicines = new LinkedHashMap<>();
        for (var row : conditionRows) {
            String code = row.snomedCode(0);
            if (medicines.put(code, new ArrayList<>()) != null) {
                throw row.error("condition " + code + " is listed twice");
            }
        }
        for (var row : medicineRows) {
            String condition = row.snomedCode(0);
            List<MedicineDefinition> list = medicines.get(condition);
            if (list == null) {
                throw row.error("condition " + condition + " is not in " + CONDITIONS);
            }
            list.add(new MedicineDefinition(row.snomedCode(1), row.text(2), row.text(3), row.number(4, 0, 1)));
        }
        List<ConditionDefinition> conditions = new ArrayList<>();
        for (var row : conditionRows) {
            conditions.add(condition(row, medicines.get(row.text(0))));
        }
        return new ConditionCatalogue(conditions);
    }

    private static ConditionDefinition condition(DataFile.Row row, List<MedicineDefinition> medicines) {
        String sensitivity = row.optionalText(2);
        if (sensitivity != null && !SENSITIVITIES.contains(sensitivity)) {
            throw row.error("sensitivity '" + sensitivity + "' is not one of " + SENSITIVITIES + " (or blank)");
        }
        String recordedBy = row.text(3);
        if (!RECORDERS.contains(recordedBy)) {
            throw row.error("recorded_by '" + recordedBy + "' is not one of " + RECORDERS);
        }
        double[] prevalence = new double[AgeGroup.values().length];
        for (int i = 0; i < prevalence.length; i++) {
            prevalence[i] = row.number(4 + i, 0, 100) / 100;
        }
        Set<String> seen = new HashSet<>();
        for (MedicineDefinition medicine : medicines) {
            if (!seen.add(medicine.code())) {
                throw row.error("medicine " + medicine.code() + " is listed twice for " + row.text(0));
            }
        }
        return new ConditionDefinition(row.text(0), row.text(1), sensitivity, recordedBy, prevalence,
                List.copyOf(medicines));
    }


    List<ConditionDefinition> conditions() {
        return conditions;
    }

    /** Expected number of conditions a person in the group has, before individual risk. */
    double expectedCount(AgeGroup group) {
        return conditions.stream().mapToDouble(c -> c.prevalence(group)).sum();
    }
}
