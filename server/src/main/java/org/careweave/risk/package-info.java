/**
 * Risk stratification: the electronic frailty index, the Cambridge Multimorbidity Score, recent use of hospital
 * services and a combined priority for proactive care, computed for everyone and kept fresh as records change.
 * Each stored score carries its version, the inputs that contributed and when it was computed. Reading a person's
 * scores goes through the access policy.
 */
package org.careweave.risk;
