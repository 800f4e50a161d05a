package org.careweave.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Synthetic FHIR bundles for tests, written as JSON text the way partner systems send them. */
final class TestBundles {

    private final List<String> entries = new ArrayList<>();

    static TestBundles create() {
        return new TestBundles();
    }

    /** A valid, synthetic (999 range) NHS number. */
    static String nhsNumber(Random random) {
        while (true) {
            String digits = "999" + String.format("%06d", random.nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits + check;
            }
        }
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    TestBundles patient(String id, String nhsNumber, String family, String given, String birthDate) {
        String nhs = nhsNumber == null ? "" : """
                {"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"},""".formatted(nhsNumber);
        return entry(id, """
                {"resourceType":"Patient","id":"%s","identifier":[%s{"system":"https://example.org/mrn","value":"MRN-%s"}],
                 "name":[{"use":"official","family":"%s","given":["%s"]}],"gender":"female","birthDate":"%s",
                 "address":[{"line":["1 Test Street"],"postalCode":"LS1 4AP"}]}""".formatted(id, nhs, id, family, given,
                birthDate));
    }

    TestBundles condition(String id, String patientRef, String code, String display) {
        return entry(id, """
                {"resourceType":"Condition","id":"%s","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}]},
                 "subject":{"reference":"%s"},"onsetDateTime":"2021-04-01T10:00:00+01:00"}"""
                .formatted(id, code, display, patientRef));
    }

    /** Any resource, as JSON text, with urn:uuid:{id} as its fullUrl. */
    TestBundles entry(String id, String resource) {
        java.util.regex.Matcher typed = java.util.regex.Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]*)\"")
                .matcher(resource);
        String type = typed.find() ? typed.group(1) : "";
        entries.add("""
                {"fullUrl":"urn:uuid:%s","resource":%s,"request":{"method":"POST","url":"%s"}}"""
                .formatted(id, resource, type));
        return this;
    }

    String transaction() {
        return bundle("transaction");
    }

    String batch() {
        return bundle("batch");
    }

    private String bundle(String type) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + String.join(",", entries) + "]}";
    }
}
