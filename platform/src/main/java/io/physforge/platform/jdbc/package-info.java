/**
 * Mechanisms for the rows a service keeps in its own schema, parametrised by table and
 * column names (services never share entity classes or tables): the claim, completion and
 * end of a worker's job row ({@link io.physforge.platform.jdbc.JobRows}) and JSON and
 * time columns ({@link io.physforge.platform.jdbc.Columns}).
 */
package io.physforge.platform.jdbc;
