/**
 * Consumes {@code pf:job-events} with the platform's stream consumer and feeds each event
 * to the job lifecycle, acknowledging it once its transaction committed; an event whose
 * handling keeps failing goes to {@code pf:job-events:dead}.
 */
package io.physforge.orchestration.events;
