/**
 * Population health for the neighbourhood: aggregate, non-personal figures about the residents (the neighbourhood
 * profile), and later risk stratification, cohorts and worklists. Figures shown to users suppress small numbers.
 */
package org.careweave.population;
