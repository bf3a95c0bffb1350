/**
 * Machinery of the weak form: bump kernels, separable integrals, spectra and their
 * corner, the divergence form of a term, MSTLS.
 */
package io.physforge.core.weak.internal;
