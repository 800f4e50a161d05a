package org.careweave.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the audit chain's head is anchored outside the database, and how often.
 *
 * @param anchorFile     append-only file of anchors ({@code careweave.audit.anchor-file}, by default
 *                       {@code audit-anchors.log} in {@code careweave.data-dir}); keep it on storage the database's
 *                       administrators cannot rewrite, or ship the "Audit chain anchored" log lines somewhere they
 *                       cannot; set it empty to turn anchoring off
 * @param anchorInterval how often the head is anchored when it has moved ({@code careweave.audit.anchor-interval})
 */
@ConfigurationProperties("careweave.audit")
record AuditSettings(String anchorFile,
                     @DefaultValue("PT1M") Duration anchorInterval) {
}
