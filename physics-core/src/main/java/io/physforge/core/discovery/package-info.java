/**
 * The sparse-regression discovery pipeline: a {@link io.physforge.core.field.Field} is
 * differentiated (method by name), trimmed of unreliable edges, optionally subsampled
 * (seeded), expanded into a {@link io.physforge.core.library.CandidateLibrary} and
 * regressed with a {@link io.physforge.core.regression.SparseRegressor}; the result is a
 * {@link io.physforge.core.discovery.DiscoveryResult}: one equation per field with fit
 * metrics and provenance (PDE-FIND, Rudy et al., Sci. Adv. 3, e1602614, 2017).
 */
package io.physforge.core.discovery;
