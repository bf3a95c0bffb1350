/**
 * Machinery of the data set feature: the JDBC repository and the statistics computed from
 * a field.
 */
package io.physforge.data.dataset.internal;
