/**
 * pinn-training-service: a worker on {@code pf:jobs:pinn} that fits physics-informed
 * neural networks (pinn-engine) to a data set's canonical form and stores the model
 * checkpoints in bucket {@code models} and the jobs in schema {@code pinn}, and a REST
 * API ({@code /api/pinn}) to submit, follow, cancel and inspect jobs and download models.
 */
package io.physforge.pinntraining;
