/**
 * Lua scripts and key names behind the job queue; not for use outside
 * {@code io.physforge.platform.queue}.
 */
package io.physforge.platform.queue.internal;
