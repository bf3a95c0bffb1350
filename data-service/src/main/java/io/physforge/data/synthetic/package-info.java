/**
 * Synthetic data sets: the physics-core built-in simulators run with the caller's
 * parameters, grid and noise, stored as data sets with their provenance (equation,
 * parameters, settings, true equation, noise level, seed, versions).
 */
package io.physforge.data.synthetic;
