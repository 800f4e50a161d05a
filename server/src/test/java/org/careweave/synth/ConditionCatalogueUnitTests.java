package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.careweave.shared.DataFileInvalid;
import org.junit.jupiter.api.Test;

class ConditionCatalogueUnitTests {

    private static final String HEADER = "code,display,sensitivity,recorded_by,prevalence_0_17,prevalence_18_39,"
            + "prevalence_40_64,prevalence_65_74,prevalence_75_84,prevalence_85_plus\n";
    private static final String MEDICINES = "condition_code,code,display,dose,probability\n"
            + "38341003,386864001,Amlodipine,5 mg once daily,0.45\n";

    @Test
    void theShippedCatalogueLoadsWithPrevalenceRisingWithAge() {
        ConditionCatalogue catalogue = ConditionCatalogue.load();
        assertThat(catalogue.conditions()).hasSizeGreaterThanOrEqualTo(30);
        ConditionDefinition hypertension = catalogue.conditions().stream()
                .filter(c -> c.code().equals("38341003")).findFirst().orElseThrow();
        assertThat(hypertension.prevalence(AgeGroup.AGED_85_PLUS))
                .isGreaterThan(hypertension.prevalence(AgeGroup.AGED_40_64));
        assertThat(hypertension.medicines()).isNotEmpty();
        assertThat(catalogue.conditions()).filteredOn(c -> c.code().equals("58214004"))
                .singleElement().extracting(ConditionDefinition::sensitivity).isEqualTo("MENTAL_HEALTH");
        assertThat(catalogue.expectedCount(AgeGroup.AGED_85_PLUS))
                .isGreaterThan(3 * catalogue.expectedCount(AgeGroup.AGED_18_39));
    }

    @Test
    void aRowWithTooFewColumnsIsRejectedWithItsLineNumber() {
        assertThatThrownBy(() -> ConditionCatalogue.parse(HEADER + "38341003,Hypertensive disorder,,GP_PRACTICE,0,2\n",
                MEDICINES)).isInstanceOf(DataFileInvalid.class)
                .hasMessageStartingWith("synth/conditions.csv line 2: expected 10 comma-separated columns (code,display,").hasMessageEndingWith("found 6");
    }

    @Test
    void aCodeThatIsNotASnomedIdIsRejected() {
        assertThatThrownBy(() -> ConditionCatalogue.parse(HEADER + "I10,Hypertension,,GP_PRACTICE,0,2,15,40,55,62\n",
                MEDICINES)).hasMessageContaining("line 2: 'I10' is not a SNOMED CT concept id");
    }

    @Test
    void anUnknownSensitivityOrRecorderIsRejected() {
        assertThatThrownBy(() -> ConditionCatalogue.parse(
                HEADER + "38341003,Hypertensive disorder,SECRET,GP_PRACTICE,0,2,15,40,55,62\n", MEDICINES))
                .hasMessageContaining("sensitivity 'SECRET' is not one of");
        assertThatThrownBy(() -> ConditionCatalogue.parse(
                HEADER + "38341003,Hypertensive disorder,,DENTIST,0,2,15,40,55,62\n", MEDICINES))
                .hasMessageContaining("recorded_by 'DENTIST' is not one of");
    }

    @Test
    void aPrevalenceOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> ConditionCatalogue.parse(
                HEADER + "38341003,Hypertensive disorder,,GP_PRACTICE,0,2,15,40,155,62\n", MEDICINES))
                .hasMessageContaining("line 2: 155 in column 9 is outside 0.0..100.0");
        assertThatThrownBy(() -> ConditionCatalogue.parse(
                HEADER + "38341003,Hypertensive disorder,,GP_PRACTICE,0,2,15,forty,55,62\n", MEDICINES))
                .hasMessageContaining("'forty' in column 8 is not a number");
    }

    @Test
    void aMedicineForAnUnlistedConditionIsRejected() {
        assertThatThrownBy(() -> ConditionCatalogue.parse(
                HEADER + "38341003,Hypertensive disorder,,GP_PRACTICE,0,2,15,40,55,62\n",
                MEDICINES + "44054006,372567009,Metformin,500 mg twice daily,0.75\n"))
                .hasMessage("synth/medications.csv line 3: condition 44054006 is not in synth/conditions.csv");
    }

    @Test
    void aWrongHeaderIsRejected() {
        assertThatThrownBy(() -> ConditionCatalogue.parse("code,name\n38341003,Hypertension\n", MEDICINES))
                .hasMessageContaining("line 1: the header must be code,display,sensitivity");
    }
}
