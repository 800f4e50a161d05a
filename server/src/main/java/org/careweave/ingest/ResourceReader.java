package org.careweave.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one resource in a single pass over the parser. Only the top-level properties CareWeave reads for its typed
 * columns, identifiers, category and patient matching are kept as a tree; everything else (narrative, extensions,
 * claim items, attachments) is streamed past, its strings never decoded, while every reference is collected and every
 * coding checked wherever it is. A coding must name its system as an absolute URI (http(s) or urn): a code without a
 * system cannot be interpreted, and a system like "SNOMED" is not a FHIR code system URI.
 */
final class ResourceReader {

    /** What the resource was read as; {@code summary} is null when the value was not a JSON object. */
    record Read(ObjectNode summary, List<String> references, List<String> problems) {
    }

    private static final Pattern ABSOLUTE_URI = Pattern.compile("(https?://\\S+|urn:[A-Za-z0-9][A-Za-z0-9-]*:\\S+)");

    /**
     * The top-level properties {@link ResourceFacts}, {@link EntryCategories}, {@link SecurityLabels} and
     * {@link Patients} look at.
     */
    private static final Set<String> KEPT = Set.of("resourceType", "id", "identifier", "status", "clinicalStatus",
            "code", "medicationCodeableConcept", "vaccineCode", "type", "category", "description", "procedureCode",
            "activity", "suppliedItem", "valueQuantity", "effectivePeriod", "period", "performedPeriod",
            "billablePeriod", "occurrencePeriod", "onsetPeriod", "abatementDateTime", "effectiveDateTime",
            "onsetDateTime", "performedDateTime", "occurrenceDateTime", "authoredOn", "started", "recorded", "date",
            "startDate", "issued", "created", "recordedDate", "effectiveInstant", "dateAsserted", "patient", "subject",
            "beneficiary", "target", "class", "priority", "hospitalization", "name", "gender", "birthDate",
            "deceasedDateTime", "address", "meta");

    private final JsonParser parser;
    private final List<String> references = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ResourceReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the value at the parser's current token and leaves the parser on its last token. */
    static Read read(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new Read(null, List.of(), List.of());
        }
        return new ResourceReader(parser).object();
    }

    private Read object() {
        ObjectNode summary = BundleReader.JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (KEPT.contains(name)) {
                JsonNode kept = BundleReader.JSON.readTree(parser);
                summary.set(name, kept);
                walk(name, kept, "");
            } else {
                property(name, value, "");
            }
        }
        return new Read(summary, references, problems);
    }

    /** One property met while streaming; {@code path} names the property whose value holds it. */
    private void property(String name, JsonToken value, String path) {
        if (name.equals("reference") && value == JsonToken.VALUE_STRING) {
            references.add(parser.getString());
        } else if (name.equals("coding") && value == JsonToken.START_ARRAY) {
            codings(path);
        } else if (value.isStructStart()) {
            stream(name);
        }
    }

    /** Streams past an object or array, leaving every scalar undecoded unless it is a reference. */
    private void stream(String path) {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                property(name, parser.nextToken(), path);
            }
        } else {
            for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
                if (element.isStructStart()) {
                    stream(path);
                }
            }
        }
    }

    /** Streams through a coding array, reading only each coding's system and code. */
    private void codings(String path) {
        for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (element != JsonToken.START_OBJECT) {
                if (element.isStructStart()) {
                    stream("coding");
                }
                continue;
            }
            String system = null;
            String code = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("system")) {
                    system = parser.getString();
                } else if (value == JsonToken.VALUE_STRING && name.equals("code")) {
                    code = parser.getString();
                } else {
                    property(name, value, "coding");
                }
            }
            checkCoding(system, code, path);
        }
    }

    /** The same rules over a property read as a tree: {@code name} is the property, {@code path} its holder's name. */
    private void walk(String name, JsonNode value, String path) {
        if (name.equals("reference") && value.isString()) {
            references.add(value.stringValue());
        } else if (name.equals("coding") && value.isArray()) {
            value.values().forEach(coding -> checkCoding(coding, path));
        }
        children(value, name);
    }

    private void children(JsonNode container, String holder) {
        if (container.isObject()) {
            for (Map.Entry<String, JsonNode> property : container.properties()) {
                walk(property.getKey(), property.getValue(), holder);
            }
        } else if (container.isArray()) {
            container.values().forEach(element -> children(element, holder));
        }
    }

    private void checkCoding(JsonNode coding, String path) {
        checkCoding(Json.text(coding, "system"), Json.text(coding, "code"), path);
    }

    private void checkCoding(String system, String code, String path) {
        if (system == null && code != null) {
            problems.add("has a coding in '" + path + "' with code '" + code
                    + "' but no system; say which code system it is from");
        } else if (system != null && !absoluteUri(system)) {
            problems.add("has a coding in '" + path + "' whose system '" + system
                    + "', which is not an absolute URI (for example http://snomed.info/sct)");
        }
    }

    /** http(s) URLs, by far the most common, are checked without the regular expression that also allows urns. */
    private static boolean absoluteUri(String system) {
        int scheme = system.startsWith("https://") ? 8 : system.startsWith("http://") ? 7 : 0;
        if (scheme == 0) {
            return ABSOLUTE_URI.matcher(system).matches();
        }
        for (int i = scheme; i < system.length(); i++) {
            char c = system.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
        }
        return system.length() > scheme;
    }
}
