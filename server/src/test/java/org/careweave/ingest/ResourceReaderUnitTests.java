package org.careweave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;

class ResourceReaderUnitTests {

    private static ResourceReader.Read read(String json) {
        try (JsonParser parser = BundleReader.JSON.createParser(json)) {
            parser.nextToken();
            return ResourceReader.read(parser);
        }
    }

    @Test
    void collectsReferencesAnywhereAndKeepsOnlyWhatIsReadForColumns() {
        ResourceReader.Read read = read("""
                {"text":{"div":"<div>narrative</div>"},"resourceType":"Encounter","id":"e1",
                 "extension":[{"url":"http://x.org/ext","valueReference":{"reference":"Organization/o1"}}],
                 "subject":{"reference":"urn:uuid:p1"},
                 "participant":[{"individual":{"reference":"Practitioner?identifier=http://x.org|1"}}],
                 "class":{"code":"AMB"}}""");

        assertThat(read.references()).containsExactly("Organization/o1", "urn:uuid:p1",
                "Practitioner?identifier=http://x.org|1");
        assertThat(read.summary().propertyNames()).containsExactlyInAnyOrder("resourceType", "id", "subject", "class");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void checksEveryCodingNamingTheConceptItIsIn() {
        ResourceReader.Read read = read("""
                {"resourceType":"Observation","code":{"coding":[{"code":"8867-4"}]},
                 "component":[{"valueCodeableConcept":{"coding":[{"system":"SNOMED","code":"1"},
                                                                {"system":"urn:oid:1.2.3","code":"2"},
                                                                {"system":"http://snomed.info/sct","code":"3"}]}}],
                 "interpretation":[{"coding":[{"system":"http://x.org/a b","code":"H"}]}]}""");

        assertThat(read.problems()).containsExactly(
                "has a coding in 'code' with code '8867-4' but no system; say which code system it is from",
                "has a coding in 'valueCodeableConcept' whose system 'SNOMED', which is not an absolute URI "
                        + "(for example http://snomed.info/sct)",
                "has a coding in 'interpretation' whose system 'http://x.org/a b', which is not an absolute URI "
                        + "(for example http://snomed.info/sct)");
    }

    @Test
    void aValueThatIsNotAnObjectHasNoSummary() {
        assertThat(read("[1, 2]").summary()).isNull();
    }
}
