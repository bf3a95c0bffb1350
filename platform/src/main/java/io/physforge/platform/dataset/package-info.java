/**
 * data-service's data sets as the other services see them: looked up with the caller's
 * token ({@link io.physforge.platform.dataset.DataSetClient}).
 */
package io.physforge.platform.dataset;
