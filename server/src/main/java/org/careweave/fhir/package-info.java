/**
 * The FHIR R4 adapter: HAPI FHIR's plain RestfulServer at {@code /fhir}, one resource provider per resource type,
 * each mapping to another feature's public API. No SQL and no business rules live here.
 */
package org.careweave.fhir;
