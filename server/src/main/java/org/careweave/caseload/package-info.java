/**
 * Caseloads and virtual wards: the people a team looks after proactively, each with a named coordinator (care
 * manager). Enrolling starts the team's legitimate relationship with the person; ending it ends that relationship.
 * Callers check access through the access policy before they enrol or end; this feature only keeps the episodes.
 */
package org.careweave.caseload;
