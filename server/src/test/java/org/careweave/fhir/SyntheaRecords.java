package org.careweave.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A whole Synthea-shaped record as one transaction bundle, for tests that read large records back: the patient, a
 * shared Medication, and per visit an encounter with its condition, observations, prescription, claim and explanation
 * of benefit (tens of KB, as Synthea's are), and on some visits an immunization, procedure, report, document and
 * provenance. Its references are of every kind partners write: urn:uuid fullUrls, conditional references to the
 * organisation, location and practitioner of {@code synthea-practitioners.json}, a versioned {@code Type/id}, a local
 * reference to a contained Medication, and absolute URLs (another server's, with a version, and this server's own).
 * Each resource names its patient straight after its id, an order HAPI never writes, so that a copy of the stored
 * JSON can be told from HAPI's encoding.
 */
final class SyntheaRecords {

    private static final String ORGANIZATION = "Organization?identifier=https://github.com/synthetichealth/synthea|0c3c1f7e-0000-4000-8000-00000000a001";
    private static final String LOCATION = "Location?identifier=https://github.com/synthetichealth/synthea|0c3c1f7e-0000-4000-8000-00000000b001";
    private static final String PRACTITIONER = "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999912345";
    private static final String PRACTITIONER_VERSION = "Practitioner/0c3c1f7e-0000-4000-8000-00000000c001/_history/1";
    private static final String[][] PROBLEMS = {{"59621000", "Essential hypertension (disorder)"},
            {"44054006", "Diabetes mellitus type 2 (disorder)"}, {"195662009", "Acute viral pharyngitis (disorder)"},
            {"10509002", "Acute bronchitis (disorder)"}};

    private final String serverBase;
    private final List<String> entries = new ArrayList<>();
    private final String patient = urn();
    private final String medication = urn();

    private SyntheaRecords(String serverBase) {
        this.serverBase = serverBase;
    }

    /**
     * @param familyName a name of the test's own: people are matched on demographics across partners
     * @param serverBase this server's base URL, for a reference written as an absolute URL on it
     */
    static String record(String familyName, int visits, String serverBase) {
        SyntheaRecords record = new SyntheaRecords(serverBase);
        record.add(record.patient, "Patient", """
                {"resourceType":"Patient","identifier":[{"system":"https://github.com/synthetichealth/synthea","value":"%s"}],
                 "name":[{"use":"official","family":"%s","given":["Sample"],"prefix":["Ms."]}],
                 "gender":"female","birthDate":"1958-04-09",
                 "address":[{"line":["12 Sample Lane"],"city":"Testbury","postalCode":"01000","country":"US"}]}"""
                .formatted(UUID.randomUUID(), familyName));
        record.add(record.medication, "Medication", """
                {"resourceType":"Medication","status":"active","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                 "code":"314076","display":"lisinopril 10 MG Oral Tablet"}],"text":"lisinopril 10 MG Oral Tablet"}}""");
        for (int visit = 0; visit < visits; visit++) {
            record.visit(visit, LocalDate.of(2012, 1, 9).plusDays(61L * visit).toString());
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", record.entries) + "]}";
    }

    private void visit(int n, String day) {
        String at = day + "T09:00:00+00:00";
        String encounter = add("Encounter", """
                {"resourceType":"Encounter","subject":{"reference":"%s","display":"Ms. Sample"},"status":"finished",
                 "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Check up &amp; <b>review</b></div>"},
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                 "type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003","display":"Encounter for check up (procedure)"}],
                          "text":"Encounter for check up (procedure)"}],
                 "participant":[{"individual":{"reference":"%s","display":"Dr. Pat Example"}}],
                 "period":{"start":"%s","end":"%s"},
                 "location":[{"location":{"reference":"%s"}}],"serviceProvider":{"reference":"%s"}%s}"""
                .formatted(patient, PRACTITIONER, at, day + "T09:15:00+00:00", LOCATION, ORGANIZATION,
                        n % 2 == 0 ? ",\"meta\":{\"profile\":[\"http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter\"],"
                                + "\"lastUpdated\":\"2020-01-01T00:00:00Z\"}" : ""));
        String[] problem = PROBLEMS[n % PROBLEMS.length];
        String condition = add("Condition", """
                {"resourceType":"Condition","subject":{"reference":"%s"},"encounter":{"reference":"%s"},
                 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"%s"}]},
                 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}],"text":"%s"},
                 "onsetDateTime":"%s","recordedDate":"%s"}"""
                .formatted(patient, encounter, n % 3 == 0 ? "active" : "resolved", problem[0], problem[1], problem[1], at, at));
        String weight = observation(n, encounter, at, "vital-signs", "29463-7", "Body weight", (70 + n % 7) + ".30", "kg");
        String glucose = observation(n, encounter, at, "laboratory", "2339-0", "Glucose", (5 + n % 3) + ".10", "mmol/L");
        prescription(n, encounter, condition, at);
        String claim = claim(encounter, day, at);
        explanationOfBenefit(claim, encounter, day, at);
        if (n % 3 == 0) {
            add("Immunization", """
                    {"resourceType":"Immunization","patient":{"reference":"%s"},"encounter":{"reference":"%s"},"status":"completed",
                     "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza, seasonal, injectable"}]},
                     "occurrenceDateTime":"%s","primarySource":true}""".formatted(patient, encounter, at));
        }
        if (n % 2 == 1) {
            add("Procedure", """
                    {"resourceType":"Procedure","subject":{"reference":"%s"},"encounter":{"reference":"%s"},"status":"completed",
                     "code":{"coding":[{"system":"http://snomed.info/sct","code":"430193006","display":"Medication reconciliation (procedure)"}]},
                     "performedPeriod":{"start":"%s","end":"%s"},"reasonReference":[{"reference":"%s"}]}"""
                    .formatted(patient, encounter, at, day + "T09:10:00+00:00", condition));
            add("DiagnosticReport", """
                    {"resourceType":"DiagnosticReport","subject":{"reference":"%s"},"encounter":{"reference":"%s"},"status":"final",
                     "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB","display":"Laboratory"}]}],
                     "code":{"coding":[{"system":"http://loinc.org","code":"51990-0","display":"Basic metabolic panel"}]},
                     "effectiveDateTime":"%s","issued":"%s","result":[{"reference":"%s"},{"reference":"%s"}],
                     "presentedForm":[{"contentType":"text/plain","data":"%s"}]}"""
                    .formatted(patient, encounter, at, day + "T09:00:00.000+00:00", weight, glucose, base64(6_000, n)));
        }
        if (n % 4 == 2) {
            add("DocumentReference", """
                    {"resourceType":"DocumentReference","subject":{"reference":"%s"},"status":"current",
                     "type":{"coding":[{"system":"http://loinc.org","code":"34117-2","display":"History and physical note"}]},
                     "date":"%s","author":[{"reference":"%s"}],"custodian":{"reference":"%s"},
                     "content":[{"attachment":{"contentType":"text/plain; charset=utf-8","data":"%s"}}],
                     "context":{"encounter":[{"reference":"%s"}],"period":{"start":"%s"}}}"""
                    .formatted(patient, day + "T09:15:00.000+00:00", PRACTITIONER, ORGANIZATION, base64(24_000, n),
                            encounter, at));
        }
        add("Provenance", """
                {"resourceType":"Provenance","target":[{"reference":"%s"},{"reference":"%s"}],"recorded":"%s",
                 "agent":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/provenance-participant-type","code":"author"}]},
                           "who":{"reference":"%s"},"onBehalfOf":{"reference":"%s"}}],
                 "entity":[{"role":"source","what":{"reference":"%s/Organization/elsewhere-%d"}}]}"""
                .formatted(encounter, claim, day + "T09:15:00.000+00:00", PRACTITIONER, ORGANIZATION, serverBase, n));
    }

    private String observation(int n, String encounter, String at, String category, String code, String display,
                               String value, String unit) {
        return add("Observation", """
                {"resourceType":"Observation","subject":{"reference":"%s"},"encounter":{"reference":"%s"},"status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"%s"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s","display":"%s"}],"text":"%s"},
                 "effectiveDateTime":"%s","issued":"%s",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(patient, encounter, category, code, display, display, at, at.replace("+", ".%03d+".formatted(n)),
                        value, unit, unit));
    }

    /** Odd visits name the shared Medication, every third a contained one; the rest a code. */
    private void prescription(int n, String encounter, String condition, String at) {
        String medication = n % 3 == 0
                ? "\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"med\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"197361\"}]}}],"
                        + "\"medicationReference\":{\"reference\":\"#med\"}"
                : n % 2 == 1 ? "\"medicationReference\":{\"reference\":\"" + this.medication + "\"}"
                : "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                        + "\"code\":\"310798\",\"display\":\"Hydrochlorothiazide 25 MG Oral Tablet\"}]}";
        add("MedicationRequest", """
                {"resourceType":"MedicationRequest","subject":{"reference":"%s"},"status":"%s","intent":"order",%s,
                 "encounter":{"reference":"%s"},"authoredOn":"%s","requester":{"reference":"%s"},
                 "reasonReference":[{"reference":"%s"}],
                 "extension":[{"url":"http://example.org/fhir/StructureDefinition/prescribed-elsewhere",
                               "valueReference":{"reference":"https://other.example.org/fhir/Practitioner/p%d/_history/2"}}],
                 "dosageInstruction":[{"sequence":1,"timing":{"repeat":{"frequency":1,"period":1.0,"periodUnit":"d"}},
                   "asNeededBoolean":false,"doseAndRate":[{"doseQuantity":{"value":1.50}}]}]}"""
                .formatted(patient, n % 4 == 0 ? "active" : "stopped", medication, encounter, at, PRACTITIONER_VERSION,
                        condition, n));
    }

    private String claim(String encounter, String day, String at) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            items.append(i > 1 ? "," : "").append("""
                    {"sequence":%d,"productOrService":{"coding":[{"system":"http://snomed.info/sct","code":"185349003",
                     "display":"Encounter for check up (procedure) line %d"}],"text":"Encounter for check up (procedure)"},
                     "encounter":[{"reference":"%s"}],"net":{"value":%d.80,"currency":"USD"}}""".formatted(i, i, encounter, i));
        }
        return add("Claim", """
                {"resourceType":"Claim","patient":{"reference":"%s"},"status":"active","use":"claim",
                 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},
                 "billablePeriod":{"start":"%s","end":"%s"},"created":"%s","provider":{"reference":"%s"},
                 "priority":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/processpriority","code":"normal"}]},
                 "insurance":[{"sequence":1,"focal":true,"coverage":{"display":"NO_INSURANCE"}}],
                 "item":[%s],"total":{"value":481.20,"currency":"USD"}}"""
                .formatted(patient, at, day + "T09:15:00+00:00", at, ORGANIZATION, items));
    }

    private void explanationOfBenefit(String claim, String encounter, String day, String at) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            items.append(i > 1 ? "," : "").append("""
                    {"sequence":%d,"productOrService":{"coding":[{"system":"http://snomed.info/sct","code":"185349003"}]},
                     "servicedPeriod":{"start":"%s","end":"%s"},"encounter":[{"reference":"%s"}],
                     "net":{"value":%d.80,"currency":"USD"},"adjudication":[
                      {"category":{"coding":[{"system":"https://bluebutton.cms.gov/resources/codesystem/adjudication","code":"https://bluebutton.cms.gov/resources/variables/line_coinsrnc_amt","display":"Line Beneficiary Coinsurance Amount"}]},"amount":{"value":%d.16,"currency":"USD"}},
                      {"category":{"coding":[{"system":"https://bluebutton.cms.gov/resources/codesystem/adjudication","code":"https://bluebutton.cms.gov/resources/variables/line_prvdr_pmt_amt","display":"Line Provider Payment Amount"}]},"amount":{"value":%d.64,"currency":"USD"}}]}"""
                    .formatted(i, at, day + "T09:15:00+00:00", encounter, i, i, i));
        }
        add("ExplanationOfBenefit", """
                {"resourceType":"ExplanationOfBenefit","patient":{"reference":"%s"},"status":"active","use":"claim",
                 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},
                 "billablePeriod":{"start":"%s","end":"%s"},"created":"%s","insurer":{"display":"NO_INSURANCE"},
                 "provider":{"reference":"%s"},"claim":{"reference":"%s"},"outcome":"complete",
                 "careTeam":[{"sequence":1,"provider":{"reference":"%s"},
                   "role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claimcareteamrole","code":"primary"}]}}],
                 "insurance":[{"focal":true,"coverage":{"display":"NO_INSURANCE"}}],"item":[%s],
                 "total":[{"category":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adjudication","code":"submitted"}]},
                           "amount":{"value":481.20,"currency":"USD"}}],"payment":{"amount":{"value":0.0,"currency":"USD"}}}"""
                .formatted(patient, at, day + "T09:15:00+00:00", at, ORGANIZATION, claim, PRACTITIONER, items));
    }

    private String add(String type, String resource) {
        return add(urn(), type, resource);
    }

    private String add(String fullUrl, String type, String resource) {
        String id = fullUrl.substring("urn:uuid:".length());
        entries.add("{\"fullUrl\":\"" + fullUrl + "\",\"resource\":"
                + resource.replaceFirst("\\{\"resourceType\":\"" + type + "\",",
                        "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",")
                + ",\"request\":{\"method\":\"POST\",\"url\":\"" + type + "\"}}");
        return fullUrl;
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static String base64(int bytes, int seed) {
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            text.append("Visit ").append(seed).append(": history, examination and plan. ");
        }
        return Base64.getEncoder().encodeToString(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
