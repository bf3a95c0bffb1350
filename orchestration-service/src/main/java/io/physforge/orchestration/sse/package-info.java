/**
 * Server-sent-event streams of pipeline progress: one per pipeline and one per user, fed
 * after each committed change of a job or pipeline.
 */
package io.physforge.orchestration.sse;
