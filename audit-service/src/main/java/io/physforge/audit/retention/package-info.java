/**
 * Retention: events older than {@code physforge.audit.retention} are summarised into a
 * signed retention checkpoint, and only then removed, by the database's
 * {@code purge_retained()} function, never silently.
 */
package io.physforge.audit.retention;
