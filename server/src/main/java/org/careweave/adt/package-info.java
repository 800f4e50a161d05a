/**
 * Admissions, transfers and discharges from hospital patient administration systems: HL7v2 ADT over MLLP, applied
 * to the shared care record and announced as {@link org.careweave.adt.HospitalMovement} events.
 */
package org.careweave.adt;
