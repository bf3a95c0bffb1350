/**
 * The worker of {@code pf:jobs:derivatives}: computes a pipeline's feature set and
 * reports it as a {@code feature-set} result.
 */
package io.physforge.derivative.worker;
