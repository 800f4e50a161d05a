package org.careweave.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The ingest tests' sample bundles, for FHIR tests that need partner data to read back. */
final class SampleBundles {

    private SampleBundles() {
    }

    /**
     * The sample bundle with a family name of the caller's own: people are matched on demographics across partners,
     * so the sample's name would link one test's patient to other tests' people.
     */
    static String withOwnName(String name, String tag) throws IOException {
        try (InputStream in = SampleBundles.class.getResourceAsStream("/ingest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("Synthetic123", "Synthetic" + tag);
        }
    }
}
