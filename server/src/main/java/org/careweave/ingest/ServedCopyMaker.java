package org.careweave.ingest;

import java.util.function.Function;

/** Makes the served copy of a stored resource (layout in V79); implemented where resources are served. */
public interface ServedCopyMaker {

    /**
     * @param resource    the resource's JSON as received
     * @param itemTargets for a reference as written, the {@code Type/id} of the record item of the bundle it names, or
     *                    null to leave it as sent, to be resolved when served
     */
    String copyOf(byte[] resource, Function<String, String> itemTargets);
}
