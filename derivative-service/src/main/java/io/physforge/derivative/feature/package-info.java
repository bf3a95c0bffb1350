/**
 * What a feature set is made of ({@link io.physforge.derivative.feature.FeatureSpec},
 * checked field by field) and how it is computed from a data set
 * ({@link io.physforge.derivative.feature.FeatureComputer}, physics-core's
 * differentiators or a PINN surrogate).
 */
package io.physforge.derivative.feature;
