package org.careweave.synth;

/**
 * A medicine prescribed for a condition, as listed in {@code synth/medications.csv}.
 *
 * @param code        SNOMED CT substance concept id
 * @param probability share (0..1) of people with the condition who take it
 */
record MedicineDefinition(String code, String display, String dose, double probability) {
}
