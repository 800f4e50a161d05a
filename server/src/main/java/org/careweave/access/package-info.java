/**
 * The one place that decides who may see a person's data: a legitimate relationship, data-sharing agreements
 * between organisations and the person's own choices, with break-glass as the explicit, reviewed exception.
 * Deny by default. The web UI, REST and FHIR all ask {@link org.careweave.access.AccessPolicy}.
 */
package org.careweave.access;
