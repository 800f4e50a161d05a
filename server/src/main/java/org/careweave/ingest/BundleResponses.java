package org.careweave.ingest;

import java.io.OutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;

/** Writes transaction-response and batch-response bundles, and OperationOutcomes, straight to the response. */
final class BundleResponses {

    private static final int MOST_ISSUES = 500;

    private BundleResponses() {
    }

    static void bundle(IngestResult result, OutputStream out) {
        try (JsonGenerator json = BundleReader.JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("resourceType", "Bundle");
            json.writeStringProperty("type", result.transaction() ? "transaction-response" : "batch-response");
            json.writeArrayPropertyStart("entry");
            for (Entry entry : result.entries()) {
                json.writeStartObject();
                json.writeObjectPropertyStart("response");
                if (entry.ok()) {
                    json.writeStringProperty("status", entry.change == org.careweave.record.ItemOutcome.Change.CREATED
                            ? "201 Created" : "200 OK");
                    json.writeStringProperty("location", location(entry));
                    json.writeStringProperty("etag", "W/\"" + entry.version + "\"");
                } else {
                    json.writeStringProperty("status", "400 Bad Request");
                    json.writeName("outcome");
                    outcome(json, entry.problems.stream().map(p -> entry.label() + " " + p).toList());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    static void outcome(List<String> issues, OutputStream out) {
        try (JsonGenerator json = BundleReader.JSON.createGenerator(out)) {
            outcome(json, issues);
        }
    }

    /** CareWeave's id for the entry: the person for a Patient, the record item, or the directory resource. */
    static String location(Entry entry) {
        String id = entry.kind == ResourceKinds.DIRECTORY ? "dir-" + entry.id : Long.toString(entry.id);
        return entry.type + "/" + id + "/_history/" + entry.version;
    }

    private static void outcome(JsonGenerator json, List<String> issues) {
        json.writeStartObject();
        json.writeStringProperty("resourceType", "OperationOutcome");
        json.writeArrayPropertyStart("issue");
        for (String issue : issues.subList(0, Math.min(issues.size(), MOST_ISSUES))) {
            json.writeStartObject();
            json.writeStringProperty("severity", "error");
            json.writeStringProperty("code", "invalid");
            json.writeStringProperty("diagnostics", issue);
            json.writeEndObject();
        }
        if (issues.size() > MOST_ISSUES) {
            json.writeStartObject();
            json.writeStringProperty("severity", "error");
            json.writeStringProperty("code", "too-costly");
            json.writeStringProperty("diagnostics", (issues.size() - MOST_ISSUES) + " more issues not listed");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
