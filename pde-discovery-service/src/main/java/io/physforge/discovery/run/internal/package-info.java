/**
 * Storage of runs and equations (JDBC on schema {@code discovery}), shared by the REST
 * API and the worker of this service only.
 */
package io.physforge.discovery.run.internal;
