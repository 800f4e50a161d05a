package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@link ReferenceRewriter#referencesIn} searches the text for the property name instead of reading every token; it
 * must find exactly what reading every token finds. And the targets found are served under the ids CareWeave serves.
 */
class ReferenceRewriterUnitTests {

    @Test
    void findsEveryReferencePropertyAtAnyDepthAndNothingElse() {
        String json = """
                {"resourceType":"Provenance",
                 "target":[{"reference":"urn:uuid:1"},{ "reference" : "urn:uuid:2" },
                           {"reference"
                             :
                            "Observation/3"}],
                 "text":{"div":"<div>a \\"reference\\": \\"not/one\\" and \\\\\\"reference\\\\\\": \\"nor/this\\"</div>"},
                 "note":[{"text":"reference"},{"text":"\\"reference\\":\\"x/1\\""}],
                 "code":"reference",
                 "extension":[{"url":"u","valueString":"a \\"reference", "an \\"reference": "not/either"}],
                 "contained":[{"resourceType":"Practitioner","id":"p","extension":[{"url":"u",
                   "valueReference":{"reference":"Organization?identifier=http://x|1"}}]}],
                 "agent":[{"who":{"reference":"#p"}},{"who":{"reference":"Practitioner/a\\/b\\u00e9"}}],
                 "entity":[{"what":{"reference":null,"display":"none"}},{"what":{"reference":{"odd":"object"}}}],
                 "endsInBackslash":"c:\\\\","reference":"Patient/9"}""";

        Set<String> found = ReferenceRewriter.referencesIn(json);

        assertThat(found).isEqualTo(tokenByToken(json)).containsExactlyInAnyOrder("urn:uuid:1", "urn:uuid:2",
                "Observation/3", "Organization?identifier=http://x|1", "Practitioner/a/bé", "Patient/9");
    }

    @Test
    void aResourceWithoutReferencesHasNone() {
        assertThat(ReferenceRewriter.referencesIn("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"reference\"}}"))
                .isEmpty();
    }

    @Test
    void onlyTeamsAndConsentsAmongRecordItemsAreServedUnderAPrefixedId() {
        assertThat(RecordItemMapper.servedReference("CareTeam/12")).isEqualTo("CareTeam/r12");
        assertThat(RecordItemMapper.servedReference("Consent/5")).isEqualTo("Consent/r5");
        for (String asFound : new String[] {"Observation/12", "Patient/3", "Practitioner/d4", "CareTeamX/1",
                "CareTeam/r7"}) {
            assertThat(RecordItemMapper.servedReference(asFound)).isSameAs(asFound);
        }
    }

    /** What the scan replaced: every token read, and the string value of each {@code reference} property kept. */
    private static Set<String> tokenByToken(String json) {
        Set<String> references = new HashSet<>();
        try (JsonParser parser = StoredJson.FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("reference")
                        && parser.nextToken() == JsonToken.VALUE_STRING && !parser.getString().startsWith("#")) {
                    references.add(parser.getString());
                }
            }
        }
        return references;
    }
}
