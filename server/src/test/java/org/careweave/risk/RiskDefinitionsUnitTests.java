package org.careweave.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.careweave.shared.DataFile;
import org.careweave.shared.DataFileInvalid;
import org.junit.jupiter.api.Test;

class RiskDefinitionsUnitTests {

    static final String[] DEFICIT_HEADER = {"deficit", "code", "term"};
    static final String[] CMS_HEADER = {"condition", "weight", "code", "term"};
    static final String CMS = "condition,weight,code,term\nDementia,2.5,52448006,Dementia\n";

    static String deficits(String... extraLines) {
        StringBuilder csv = new StringBuilder("# comment\ndeficit,code,term\n");
        for (int i = 0; i < 35; i++) {
            csv.append("Deficit ").append(i).append(',').append(100000 + i).append(",Term\n");
        }
        for (String line : extraLines) {
            csv.append(line).append('\n');
        }
        return csv.toString();
    }

    static RiskDefinitions parse(String deficits, String cms, Set<String> known) {
        return RiskDefinitions.parse(DataFile.parse("deficits.csv", deficits, DEFICIT_HEADER),
                DataFile.parse("cms.csv", cms, CMS_HEADER), known);
    }

    static Set<String> allKnown() {
        List<String> codes = new ArrayList<>(List.of("52448006", "44054006"));
        for (int i = 0; i < 35; i++) {
            codes.add(String.valueOf(100000 + i));
        }
        return Set.copyOf(codes);
    }

    @Test
    void theShippedFilesLoadWithEveryCodeKnown() {
        RiskDefinitions definitions = RiskDefinitions.load(ScoringUnitTests.DEFAULTS);
        assertThat(definitions.deficits()).hasSize(35);
        assertThat(definitions.unknownCodes()).isEmpty();
        assertThat(definitions.cmsConditionOf("52448006").weight()).isEqualTo(2.5);
        // The general-outcome model's 20 conditions include epilepsy; substance misuse is not one of them.
        assertThat(definitions.cmsConditionOf("84757009")).isEqualTo(new RiskDefinitions.CmsCondition("Epilepsy", 0.92));
        assertThat(definitions.cmsConditionOf("26416006")).isNull();
    }

    @Test
    void unknownCodesAreReportedWithFileAndLine() {
        RiskDefinitions definitions = parse(deficits("Deficit 3,44054006,Diabetes", "Deficit 4,999999999,Unknown"),
                CMS, allKnown());
        assertThat(definitions.unknownCodes()).containsExactly("deficits.csv line 39: SNOMED CT code 999999999 is "
                + "neither in classpath:risk/snomed-codes.csv nor in the configured reference set "
                + "(careweave.risk.reference-set)");
        assertThat(definitions.deficitOf("999999999")).isEqualTo("Deficit 4");
    }

    @Test
    void badFilesAreRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> parse(deficits("Deficit 1,100001,Again"), CMS, allKnown()))
                .isInstanceOf(DataFileInvalid.class).hasMessage("deficits.csv line 38: code 100001 is listed already");
        assertThatThrownBy(() -> parse(deficits("Polypharmacy,123456,x"), CMS, allKnown()))
                .hasMessageStartingWith("deficits.csv line 38: polypharmacy is counted from current medicines");
        assertThatThrownBy(() -> parse(deficits("Deficit 99,123456,x"), CMS, allKnown()))
                .hasMessageContaining("35 coded deficits (plus polypharmacy), but the file names 36");
        assertThatThrownBy(() -> parse(deficits("Deficit 2,12ab,x"), CMS, allKnown()))
                .hasMessage("deficits.csv line 38: '12ab' is not a SNOMED CT concept id (6 to 18 digits)");
        assertThatThrownBy(() -> parse(deficits(), CMS + "Dementia,2.4,386807006,Memory\n", allKnown()))
                .hasMessage("cms.csv line 3: 'Dementia' has weight 2.5 on an earlier line and 2.4 here");
        assertThatThrownBy(() -> parse(deficits(), "condition,weight\n", allKnown()))
                .hasMessageStartingWith("cms.csv line 1: the header must be condition,weight,code,term");
        assertThatThrownBy(() -> parse(deficits(), CMS + "Dementia,heavy,386807006,Memory\n", allKnown()))
                .hasMessage("cms.csv line 3: 'heavy' in column 2 is not a number");
    }
}
