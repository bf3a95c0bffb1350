/**
 * Machinery of the sparse regressions: normal equations of normalised columns, row
 * splits. Not API.
 */
package io.physforge.core.regression.internal;
