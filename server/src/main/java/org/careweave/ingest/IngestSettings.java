package org.careweave.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBundleBytes larger bundles are refused with 413 before they are read (Synthea's largest is about 60 MB)
 */
@ConfigurationProperties("careweave.ingest")
record IngestSettings(@DefaultValue("200MB") DataSize maxBundleBytes) {
}
