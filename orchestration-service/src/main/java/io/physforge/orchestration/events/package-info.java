/**
 * Consumes {@code pf:job-events} with a consumer group and feeds each event to the job
 * lifecycle, acknowledging it once its transaction committed.
 */
package io.physforge.orchestration.events;
