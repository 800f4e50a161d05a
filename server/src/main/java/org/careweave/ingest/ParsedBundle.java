package org.careweave.ingest;

import java.util.List;

/** A bundle as read: its type ("transaction" or "batch"), its id if it had one, and its entries in order. */
record ParsedBundle(String type, String id, List<RawEntry> entries, long bytes) {

    boolean transaction() {
        return "transaction".equals(type);
    }
}
