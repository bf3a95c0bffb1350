/**
 * Model selection over the sparsity path: every distinct support found by a threshold
 * sweep, with its complexity, error and information criteria (AIC, BIC), its place on the
 * Pareto front of complexity against error, and the choice by a criterion.
 */
package io.physforge.core.selection;
