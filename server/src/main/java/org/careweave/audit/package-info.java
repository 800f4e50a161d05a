/**
 * The append-only, hash-chained audit trail: every authentication and every read, search, write, export and
 * break-glass of personal data, allowed or denied. A leaf feature: others call {@link org.careweave.audit.AuditTrail};
 * it calls nobody.
 */
package org.careweave.audit;
