/**
 * Candidate libraries for sparse regression: {@link io.physforge.core.library.Term terms}
 * (products of field powers and derivative factors) with canonical names and LaTeX, and
 * the {@link io.physforge.core.library.CandidateLibrary} of all such products up to a
 * degree and a derivative order (Rudy et al., "Data-driven discovery of partial
 * differential equations", Sci. Adv. 3, e1602614, 2017).
 */
package io.physforge.core.library;
