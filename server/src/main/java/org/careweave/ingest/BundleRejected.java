package org.careweave.ingest;

import java.util.List;

/** The whole bundle is refused and nothing of it kept; each issue names the entry (index and fullUrl) if it is about one. */
class BundleRejected extends RuntimeException {

    private final int status;
    private final List<String> issues;

    BundleRejected(int status, List<String> issues) {
        super(issues.isEmpty() ? "Bundle refused" : issues.get(0));
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    BundleRejected(int status, String issue) {
        this(status, List.of(issue));
    }

    int status() {
        return status;
    }

    List<String> issues() {
        return issues;
    }
}
