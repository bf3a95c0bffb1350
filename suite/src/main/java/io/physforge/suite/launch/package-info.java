/**
 * Runs the whole suite on one machine: infrastructure from
 * {@link io.physforge.suite.infra.LocalInfrastructure}, every service and the gateway as
 * child JVMs of their Boot jars, health checks, a port map, logs, and a clean stop.
 * {@link io.physforge.suite.launch.SuiteLauncher} is the command;
 * {@link io.physforge.suite.launch.Suite} is the same thing as a library for tests.
 */
package io.physforge.suite.launch;
