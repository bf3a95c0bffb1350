/**
 * Bootstrap ensembles of sparse regressions (Ensemble-SINDy: Fasel, Kutz, Brunton and
 * Brunton, Proc. R. Soc. A 478, 20210904, 2022): per-term inclusion probabilities,
 * percentile confidence intervals and the support of the terms kept by most members.
 */
package io.physforge.core.ensemble;
