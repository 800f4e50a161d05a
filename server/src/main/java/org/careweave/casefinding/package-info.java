/**
 * Case finding for proactive care: a cohort builder over risk scores and demographics (counts for everyone,
 * identifiable lists only for those the access policy lets case-find for direct care), saved cohorts, a worklist
 * where a coordinator reviews why someone was found and enrols them onto a caseload or virtual ward or dismisses
 * them with a reason, an equity view of a cohort's make-up, and each coordinator's caseload.
 */
package org.careweave.casefinding;
