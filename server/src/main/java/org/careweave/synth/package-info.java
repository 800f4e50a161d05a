/**
 * Synthetic neighbourhoods: a deterministic generator of organisations, residents, their care record items and the
 * demo users, for demonstrations, tests and benchmarks. Only synthetic data; a leaf that no other feature uses.
 */
@ApplicationModule(allowedDependencies = {"person", "shared"})
package org.careweave.synth;

import org.springframework.modulith.ApplicationModule;
