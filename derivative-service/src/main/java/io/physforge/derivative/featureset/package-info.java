/**
 * Feature sets: the REST API under {@code /api/derivatives/feature-sets} (request, show,
 * list, download, delete; owner isolation) and their storage (NPZ in bucket
 * {@code artifacts}, metadata in table {@code feature_set}).
 */
package io.physforge.derivative.featureset;
