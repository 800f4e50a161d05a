package org.careweave.ingest;

import java.util.List;

/** The entries of an accepted bundle, each written or (in a batch) with its problems. */
record IngestResult(boolean transaction, List<Entry> entries) {
}
