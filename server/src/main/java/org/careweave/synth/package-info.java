/**
 * Synthetic neighbourhoods: a deterministic generator of organisations, residents, their care record items and the
 * demo users, for demonstrations, tests and benchmarks, and the demo care setting (sharing agreements, caseloads)
 * arranged through the owning features. Only synthetic data; a leaf that no other feature uses.
 */
@ApplicationModule(allowedDependencies = {"person", "shared", "organisation", "access", "caseload"})
package org.careweave.synth;

import org.springframework.modulith.ApplicationModule;
