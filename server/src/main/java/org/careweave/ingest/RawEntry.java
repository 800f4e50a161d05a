package org.careweave.ingest;

import tools.jackson.databind.JsonNode;

/**
 * One bundle entry as read.
 *
 * @param index    position in the bundle, from 0
 * @param resource the resource as a tree, or null when the entry had none
 * @param raw      the resource's bytes exactly as received, or null
 */
record RawEntry(int index, String fullUrl, String method, String url, JsonNode resource, byte[] raw) {

    /** How error messages name the entry. */
    String label() {
        return "entry " + index + (fullUrl == null ? "" : " (" + fullUrl + ")");
    }
}
