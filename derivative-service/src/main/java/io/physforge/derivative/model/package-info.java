/**
 * PINN surrogates trained by pinn-training-service: checkpoints read from bucket
 * {@code models} by their location {@code s3://models/<key>} (this service never reads
 * pinn-training-service's tables).
 */
package io.physforge.derivative.model;
