package org.careweave.ingest;

import tools.jackson.databind.JsonNode;

/**
 * One bundle entry as read.
 *
 * @param index    position in the bundle, from 0
 * @param read     what the resource was read as, or null when the entry had none
 * @param raw      the resource's bytes exactly as received, or null
 */
record RawEntry(int index, String fullUrl, String method, String url, ResourceReader.Read read, byte[] raw) {

    /** The top-level properties CareWeave reads, as a tree; null when the entry had no resource object. */
    JsonNode resource() {
        return read == null ? null : read.summary();
    }

    /** How error messages name the entry. */
    String label() {
        return "entry " + index + (fullUrl == null ? "" : " (" + fullUrl + ")");
    }
}
