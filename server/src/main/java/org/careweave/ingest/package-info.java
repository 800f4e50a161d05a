/**
 * Ingest of partners' FHIR R4 {@code transaction} and {@code batch} Bundles at {@code POST /fhir}: streamed with
 * Jackson rather than HAPI's parser (for bundles of tens of thousands of entries), every resource kept exactly as
 * received, references checked inside the bundle and against what the same partner sent before, patients matched to
 * the person index, and everything written with a few bulk statements.
 */
package org.careweave.ingest;
