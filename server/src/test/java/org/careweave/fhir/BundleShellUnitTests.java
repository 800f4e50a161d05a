package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Date;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** The Bundle's own elements written directly, against HAPI's encoding of the same Bundle. */
class BundleShellUnitTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final IParser HAPI = FHIR.newJsonParser().setServerBaseUrl("http://localhost:8080/fhir");

    @Test
    void aSearchSetIsWrittenCharacterForCharacterAsHapiEncodesIt() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(42);
        bundle.setId("5b1c0000-0000-4000-8000-00000000000a");
        bundle.getMeta().setLastUpdatedElement(new InstantType(new Date(1_733_400_000_123L)));
        bundle.addLink().setRelation("self").setUrl("http://localhost:8080/fhir/Condition?patient=7&_count=2");
        bundle.addLink().setRelation("next").setUrl("http://localhost:8080/fhir/Condition?patient=7&_cursor=a|b\"c");
        Patient patient = new Patient();
        patient.setId("7");
        patient.addName().setFamily("Ødegård").addGiven("Ann \"Q\"");
        patient.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919"));
        bundle.addEntry().setFullUrl("http://localhost:8080/fhir/Patient/7").setResource(patient).getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH);
        OperationOutcome outcome = SearchBundles.withheldOutcome(java.util.List.of(), null);
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.SUPPRESSED).setDiagnostics("2 item(s) withheld");
        SearchBundles.addOutcome(bundle, outcome);
        bundle.addEntry().setResource(new Patient().setActive(true));

        assertThat(BundleShell.writable(bundle)).isTrue();
        assertThat(written(bundle)).isEqualTo(HAPI.encodeResourceToString(bundle));
    }

    @Test
    void aBundleWithElementsCareWeaveDoesNotSetIsLeftToHapi() {
        Bundle scored = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        scored.addEntry().setResource(new Patient()).getSearch().setScore(0.5);
        Bundle stamped = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTimestamp(new Date());
        Bundle tagged = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        tagged.getMeta().addTag().setCode("x");
        Bundle withResponse = new Bundle().setType(Bundle.BundleType.HISTORY);
        withResponse.addEntry().setResource(new Patient()).getResponse().setStatus("200 OK");

        Bundle extendedFullUrl = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        extendedFullUrl.addEntry().setResource(new Patient()).getFullUrlElement().setValue("urn:uuid:1")
                .addExtension("http://example.org/e", new org.hl7.fhir.r4.model.StringType("x"));
        Bundle extendedTotal = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        extendedTotal.getTotalElement().addExtension("http://example.org/e", new org.hl7.fhir.r4.model.StringType("x"));

        assertThat(BundleShell.writable(extendedFullUrl)).isFalse();
        assertThat(BundleShell.writable(extendedTotal)).isFalse();
        assertThat(BundleShell.writable(scored)).isFalse();
        assertThat(BundleShell.writable(stamped)).isFalse();
        assertThat(BundleShell.writable(tagged)).isFalse();
        assertThat(BundleShell.writable(withResponse)).isFalse();
        assertThat(BundleShell.writable(new Bundle().setType(Bundle.BundleType.SEARCHSET))).isTrue();
    }

    private static String written(Bundle bundle) {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = StoredJson.FACTORY.createGenerator(json)) {
            BundleShell.write(out, bundle, stub -> {
                throw new AssertionError("no stored resources here");
            }, HAPI);
        }
        return json.toString();
    }
}
