/**
 * What the team must act on: notifications when people they look after move in or out of hospital (caseload,
 * virtual ward, open referral, subscribed cohorts), follow-up tasks after a discharge, and FHIR R4 rest-hook
 * Subscriptions that tell partner systems. Reacts to {@link org.careweave.adt.HospitalMovement} after its commit.
 */
package org.careweave.worklist;
