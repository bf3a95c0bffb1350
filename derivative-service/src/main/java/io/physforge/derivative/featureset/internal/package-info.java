/**
 * Storage of feature-set metadata (JDBC on schema {@code derivative}), shared by the REST
 * API and the worker of this service only.
 */
package io.physforge.derivative.featureset.internal;
