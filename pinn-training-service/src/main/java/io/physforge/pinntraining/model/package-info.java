/**
 * Trained models: {@code GET /api/pinn/models}, {@code /models/{id}} (architecture,
 * metrics with the learned coefficients) and {@code /models/{id}/checkpoint} (the JSON
 * checkpoint that pinn-engine's {@code PinnModel.load} reads).
 */
package io.physforge.pinntraining.model;
