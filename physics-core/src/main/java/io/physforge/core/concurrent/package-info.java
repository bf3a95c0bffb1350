/**
 * Cancellation of long computations: loops that may run for minutes (ensemble members,
 * test-function scales) check whether the thread that started them was interrupted, so a
 * worker that cancels a job by interrupting its thread frees itself within one iteration.
 */
package io.physforge.core.concurrent;
