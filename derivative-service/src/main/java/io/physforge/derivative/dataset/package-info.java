/**
 * The data sets feature sets are computed from: looked up in data-service with the
 * caller's token (platform's {@link io.physforge.platform.dataset.DataSetClient}) and
 * their canonical form read from bucket {@code datasets}
 * ({@link io.physforge.platform.dataset.CanonicalDataSetReader}).
 */
package io.physforge.derivative.dataset;
