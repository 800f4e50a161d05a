package org.careweave.ingest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Small null-safe reads from a JSON tree. */
final class Json {

    private Json() {
    }

    /** The string at this property, or null when absent or not a string. */
    static String text(JsonNode node, String property) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static JsonNode object(JsonNode node, String property) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(property);
        return value != null && value.isObject() ? value : null;
    }

    /** The array's elements, or the value itself for a single value, or none. */
    static List<JsonNode> list(JsonNode node, String property) {
        if (node == null) {
            return List.of();
        }
        JsonNode value = node.get(property);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value);
        }
        List<JsonNode> all = new ArrayList<>(value.size());
        value.values().forEach(all::add);
        return all;
    }

    static JsonNode first(JsonNode node, String property) {
        List<JsonNode> all = list(node, property);
        return all.isEmpty() ? null : all.get(0);
    }
}
