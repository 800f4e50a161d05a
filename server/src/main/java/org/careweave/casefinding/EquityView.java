package org.careweave.casefinding;

import java.util.List;

/** A cohort's make-up by deprivation, ethnic group, age band and sex, next to the whole population's. */
public record EquityView(List<Row> deprivation, List<Row> ethnicity, List<Row> ageBands, List<Row> sex) {

    static final String AGE_BAND_SQL = """
            case when age(p.birth_date) < interval '18 years' then '0 to 17'
                 when age(p.birth_date) < interval '65 years' then '18 to 64'
                 when age(p.birth_date) < interval '75 years' then '65 to 74'
                 when age(p.birth_date) < interval '85 years' then '75 to 84'
                 else '85 and over' end""";

    public record Row(String label, Suppressed cohort, Suppressed population, String cohortShare,
                      String populationShare) {
    }

    static String decileLabel(String decile) {
        return switch (decile) {
            case "1" -> "1 (most deprived)";
            case "10" -> "10 (least deprived)";
            default -> decile;
        };
    }

    /** NHS ethnic category codes (A to Z) as the five broad groups of the 2011 census, plus not stated. */
    static String ethnicGroup(String code) {
        return switch (code.isEmpty() ? 'Z' : code.charAt(0)) {
            case 'A', 'B', 'C' -> "White";
            case 'D', 'E', 'F', 'G' -> "Mixed or multiple";
            case 'H', 'J', 'K', 'L' -> "Asian or Asian British";
            case 'M', 'N', 'P' -> "Black or Black British";
            case 'R', 'S' -> "Other ethnic group";
            default -> "Not stated";
        };
    }

    static String sexLabel(String sex) {
        return switch (sex) {
            case "female" -> "Female";
            case "male" -> "Male";
            default -> "Other or not known";
        };
    }
}
