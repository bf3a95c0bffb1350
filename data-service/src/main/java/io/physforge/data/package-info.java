/**
 * data-service: data sets (upload, validation with the physics-core readers, metadata,
 * canonical form for workers, previews) and synthetic data sets from the built-in
 * simulators. Endpoints live under {@code /api/data}.
 */
package io.physforge.data;
