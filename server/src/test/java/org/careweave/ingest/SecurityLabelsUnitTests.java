package org.careweave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityLabelsUnitTests {

    private static String sensitivity(String security) {
        return SecurityLabels.sensitivity(BundleReader.JSON.readTree(
                "{\"resourceType\":\"Condition\",\"meta\":{\"security\":" + security + "}}"));
    }

    private static String label(String system, String code) {
        return "{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}";
    }

    private static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    @Test
    void informationSensitivityCodesNameTheCategory() {
        assertThat(sensitivity("[" + label(ACT, "PSY") + "]")).isEqualTo("MENTAL_HEALTH");
        assertThat(sensitivity("[" + label(ACT, "ETH") + "]")).isEqualTo("MENTAL_HEALTH");
        assertThat(sensitivity("[" + label("http://hl7.org/fhir/v3/ActCode", "HIV") + "]")).isEqualTo("SEXUAL_HEALTH");
        assertThat(sensitivity("[" + label(ACT, "SDV") + "]")).isEqualTo("SAFEGUARDING");
    }

    @Test
    void severalCategoriesGiveTheFirstInPrecedenceWhateverTheirOrder() {
        assertThat(sensitivity("[" + label(ACT, "PSY") + "," + label(ACT, "STD") + "]")).isEqualTo("SEXUAL_HEALTH");
        assertThat(sensitivity("[" + label(ACT, "SOC") + "," + label(ACT, "PSY") + "]")).isEqualTo("SAFEGUARDING");
    }

    @Test
    void otherLabelsAndOtherSystemsGiveNone() {
        assertThat(sensitivity("[" + label("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R") + "]"))
                .isNull();
        assertThat(sensitivity("[" + label("http://example.org/local", "PSY") + "]")).isNull();
        assertThat(sensitivity("[{\"code\":\"PSY\"}]")).isNull();
        assertThat(sensitivity("[]")).isNull();
        assertThat(SecurityLabels.sensitivity(BundleReader.JSON.readTree("{\"resourceType\":\"Condition\"}"))).isNull();
    }
}
