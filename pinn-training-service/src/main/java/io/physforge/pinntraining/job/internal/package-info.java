/**
 * Storage of training jobs and model checkpoints (schema {@code pinn}).
 */
package io.physforge.pinntraining.job.internal;
