/**
 * pde-discovery-service: a worker on {@code pf:jobs:discovery} that runs physics-core's
 * sparse-regression discovery on a data set's canonical form and stores the runs and
 * equations in schema {@code discovery}, and a REST API ({@code /api/discovery}) that
 * shows each caller their runs and equations.
 */
package io.physforge.discovery;
