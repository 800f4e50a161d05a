package org.careweave.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bundle with Jackson's streaming parser, in one pass. Each entry's resource is read for its typed columns and
 * references (see {@link ResourceReader}) and also cut out of the body byte for byte, so what is stored is exactly
 * what was sent.
 */
final class BundleReader {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BundleReader() {
    }

    static ParsedBundle read(byte[] body) {
        int entryIndex = -1;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BundleRejected(400, "The body is not a JSON object; send a FHIR Bundle");
            }
            String resourceType = null;
            String type = null;
            String id = null;
            List<RawEntry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "resourceType" -> resourceType = text(parser, value);
                    case "type" -> type = text(parser, value);
                    case "id" -> id = text(parser, value);
                    case "entry" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new BundleRejected(400, "Bundle.entry must be an array");
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            entryIndex = entries.size();
                            entries.add(entry(parser, body, entryIndex));
                        }
                        entryIndex = -1;
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new BundleRejected(400, "The body has more after the bundle's closing brace");
            }
            return checked(resourceType, type, id, entries, body.length);
        } catch (StreamReadException e) {
            var where = e.getLocation();
            throw new BundleRejected(400, "The body is not valid JSON" + (entryIndex >= 0 ? " in entry " + entryIndex : "")
                    + " at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new BundleRejected(400, "The body could not be read as JSON: " + e.getOriginalMessage());
        }
    }

    private static ParsedBundle checked(String resourceType, String type, String id, List<RawEntry> entries,
                                        long bytes) {
        if (resourceType == null) {
            throw new BundleRejected(400, "The body has no resourceType; send a FHIR Bundle");
        }
        if (!"Bundle".equals(resourceType)) {
            throw new BundleRejected(400, "The body is a " + resourceType
                    + ", not a Bundle; POST /fhir takes transaction and batch Bundles");
        }
        if (!"transaction".equals(type) && !"batch".equals(type)) {
            throw new BundleRejected(400, "Bundle.type is " + (type == null ? "missing" : "'" + type + "'")
                    + "; POST /fhir takes 'transaction' and 'batch' bundles");
        }
        return new ParsedBundle(type, id, entries, bytes);
    }

    private static RawEntry entry(JsonParser parser, byte[] body, int index) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new BundleRejected(400, "Bundle entry " + index + " is not a JSON object");
        }
        String fullUrl = null;
        ResourceReader.Read resource = null;
        byte[] raw = null;
        JsonNode request = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "fullUrl" -> fullUrl = text(parser, value);
                case "resource" -> {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    resource = ResourceReader.read(parser);
                    raw = Arrays.copyOfRange(body, start, (int) parser.currentLocation().getByteOffset());
                }
                case "request" -> request = JSON.readTree(parser);
                default -> parser.skipChildren();
            }
        }
        String method = request == null ? null : Json.text(request, "method");
        String url = request == null ? null : Json.text(request, "url");
        return new RawEntry(index, fullUrl, method, url, resource, raw);
    }

    private static String text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }
}
