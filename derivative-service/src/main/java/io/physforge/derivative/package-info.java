/**
 * derivative-service: derivative feature sets of data sets (finite differences,
 * polynomial fits, Savitzky-Golay, spectral, PINN surrogates), by REST and as the
 * {@code derivatives} step of pipelines.
 */
package io.physforge.derivative;
