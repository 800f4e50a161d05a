package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.careweave.access.CareRelationships;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the FHIR API returns, checked with the official HL7 FHIR validator against the R4 core specification:
 * the CapabilityStatement, Patient, every record type the API served for a Synthea record and for platform-made
 * items, shared resources, search and $everything Bundles, and OperationOutcomes. UK Core profiles are not checked:
 * their package is on neither registry this project can reach (npm, Maven Central), so the validator cannot find the
 * UK Core profiles named in meta.profile; exactly those messages are set aside. So is the one about the SMART
 * oauth-uris extension having no "authorize" URL: CareWeave offers SMART Backend Services (client credentials) only,
 * so it has a token endpoint and no authorization endpoint to name.
 */
@CareWeaveTest
class FhirConformanceTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    /** Types the Synthea sample lacks, sent later by the same partner about the same patient. */
    private static final String MORE_OF_THE_RECORD = """
            {"resourceType":"Bundle","type":"transaction","entry":[
             {"fullUrl":"urn:uuid:7b2e0000-0000-4000-8000-000000000001","request":{"method":"POST","url":"MedicationRequest"},
              "resource":{"resourceType":"MedicationRequest","id":"7b2e0000-0000-4000-8000-000000000001","status":"active",
               "intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
               "code":"314076","display":"lisinopril 10 MG Oral Tablet"}]},
               "subject":{"reference":"Patient/5a1e0000-0000-4000-8000-000000000001"},"authoredOn":"2022-02-01T09:00:00Z"}},
             {"fullUrl":"urn:uuid:7b2e0000-0000-4000-8000-000000000002","request":{"method":"POST","url":"Procedure"},
              "resource":{"resourceType":"Procedure","id":"7b2e0000-0000-4000-8000-000000000002","status":"completed",
               "code":{"coding":[{"system":"http://snomed.info/sct","code":"73761001","display":"Colonoscopy"}]},
               "subject":{"reference":"Patient/5a1e0000-0000-4000-8000-000000000001"},"performedDateTime":"2022-03-01T09:00:00Z"}},
             {"fullUrl":"urn:uuid:7b2e0000-0000-4000-8000-000000000003","request":{"method":"POST","url":"Immunization"},
              "resource":{"resourceType":"Immunization","id":"7b2e0000-0000-4000-8000-000000000003","status":"completed",
               "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza, seasonal, injectable"}]},
               "patient":{"reference":"Patient/5a1e0000-0000-4000-8000-000000000001"},"occurrenceDateTime":"2022-10-01T09:00:00Z"}},
             {"fullUrl":"urn:uuid:7b2e0000-0000-4000-8000-000000000004","request":{"method":"POST","url":"AllergyIntolerance"},
              "resource":{"resourceType":"AllergyIntolerance","id":"7b2e0000-0000-4000-8000-000000000004",
               "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
               "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},
               "code":{"coding":[{"system":"http://snomed.info/sct","code":"91936005","display":"Allergy to penicillin"}]},
               "patient":{"reference":"Patient/5a1e0000-0000-4000-8000-000000000001"}}}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    Http http;
    String tag;
    String token;
    long practice;
    long person;

    @BeforeAll
    static void validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setErrorForUnknownProfiles(false);
        validator = FHIR.newValidator().registerValidatorModule(instanceValidator);
    }

    @BeforeEach
    void arrange() throws IOException {
        http = new Http(port);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        practice = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'GP_PRACTICE') returning id")
                .param("c", "V" + tag).param("n", "Practice " + tag).query(Long.class).single();
        clients.register("v-" + tag, practice, "a-long-enough-secret", null, false);
        token = Tokens.clientCredentials(http, "v-" + tag, "a-long-enough-secret");
        assertThat(post(resource("synthea-practitioners.json")).statusCode()).isEqualTo(200);
        assertThat(post(resource("synthea-patient.json")).statusCode()).isEqualTo(200);
        assertThat(post(MORE_OF_THE_RECORD).statusCode()).isEqualTo(200);
        person = jdbc.sql("select person_id from person_source_patient where source_org_id = :org")
                .param("org", practice).query(Long.class).single();
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
    }

    @Test
    void theCapabilityStatementConforms() {
        assertConforms("/fhir/metadata");
    }

    @Test
    void patientAndEveryServedRecordTypeConform() {
        assertConforms("/fhir/Patient/" + person);
        Bundle everything = FHIR.newJsonParser().parseResource(Bundle.class,
                get("/fhir/Patient/" + person + "/$everything?_count=1000").body());
        Set<String> types = new TreeSet<>();
        for (Bundle.BundleEntryComponent entry : everything.getEntry()) {
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME) {
                continue;
            }
            String id = entry.getResource().getIdElement().toUnqualifiedVersionless().getValue();
            if (types.add(entry.getResource().fhirType())) {
                assertConforms("/fhir/" + id);
            }
        }
        assertThat(types).contains("Patient", "Encounter", "Condition", "Observation", "Claim", "Provenance",
                "MedicationRequest", "Procedure", "Immunization", "AllergyIntolerance");
    }

    @Test
    void itemsMadeByThePlatformConform() {
        for (String[] item : List.of(new String[] {"Condition", "problem"}, new String[] {"Encounter", "emergency-admission"},
                new String[] {"MedicationStatement", "medication"}, new String[] {"Observation", "observation"},
                new String[] {"AllergyIntolerance", "allergy"}, new String[] {"EpisodeOfCare", "social-care-package"})) {
            long id = jdbc.sql("""
                            insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                     effective_start, source_org_id, source_id)
                            values (:p, :type, :cat, 'http://snomed.info/sct', '38341003', 'Hypertension',
                                    now() - interval '1 year', :src, :sid) returning id""")
                    .param("p", person).param("type", item[0]).param("cat", item[1]).param("src", practice)
                    .param("sid", UUID.randomUUID().toString()).query(Long.class).single();
            assertConforms("/fhir/" + item[0] + "/" + id);
        }
    }

    @Test
    void sharedResourcesSearchAndEverythingBundlesAndOutcomesConform() {
        Bundle encounters = FHIR.newJsonParser().parseResource(Bundle.class,
                get("/fhir/Encounter?patient=" + person + "&_count=2").body());
        String practitioner = ((org.hl7.fhir.r4.model.Encounter) encounters.getEntryFirstRep().getResource())
                .getParticipantFirstRep().getIndividual().getReference();

        assertConforms("/fhir/" + practitioner);
        assertConforms("/fhir/Encounter?patient=" + person + "&_count=2&_include=Encounter:patient");
        assertConforms("/fhir/Patient/" + person + "/$everything?_count=5");
        assertConforms("/fhir/Condition?patient=" + person + "&_summary=count");
        HttpResponse<String> refused = get("/fhir/Condition?code=1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertValid("/fhir/Condition?code=1", refused.body());
    }

    /**
     * Plain JSON answers copy stored resources from their JSON rather than through HAPI's model (a copy keeps its
     * sender's order after the id, where HAPI writes meta); they conform too, for a record of every Synthea shape.
     */
    @Test
    void plainJsonAnswersCopiedFromStoredResourcesConform() {
        String family = "Conform" + tag;
        assertThat(post(SyntheaRecords.record(family, 6, http.url("/fhir"))).statusCode()).isEqualTo(200);
        long synthetic = jdbc.sql("""
                        select id from person where family_name = :family""")
                .param("family", family).query(Long.class).single();
        relationships.start(synthetic, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        java.util.regex.Pattern copied = java.util.regex.Pattern.compile(
                "\"resourceType\":\"[A-Za-z]+\",\"id\":\"\\d+\",\"(?!meta\")");

        for (long someone : List.of(person, synthetic)) {
            for (String path : List.of("/fhir/Patient/" + someone + "/$everything?_count=1000",
                    "/fhir/MedicationRequest?patient=" + someone + "&_include=MedicationRequest:medication"
                            + "&_include=MedicationRequest:patient",
                    "/fhir/Encounter?patient=" + someone + "&_count=1")) {
                assertThat(get(path).body()).as(path).containsPattern(copied);
                assertConforms(path);
            }
        }
    }

    private void assertConforms(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertValid(path, response.body());
    }

    private static void assertValid(String path, String body) {
        List<String> errors = validator.validateWithResult(body).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !m.getMessage().contains("https://fhir.hl7.org.uk/StructureDefinition/UKCore-"))
                .filter(m -> !m.getMessage().contains("Slice 'Extension.extension:authorize'"))
                .map(SingleValidationMessage::toString).toList();
        assertThat(errors).as(path).isEmpty();
    }

    private HttpResponse<String> get(String path) {
        return http.fhirGet(path, token);
    }

    private HttpResponse<String> post(String bundle) {
        return http.fhirPost(token, bundle);
    }

    private String resource(String name) throws IOException {
        return SampleBundles.withOwnName(name, tag);
    }
}
