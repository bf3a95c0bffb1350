/**
 * The exception advice behind {@link io.physforge.platform.problem}; not for services to
 * call.
 */
package io.physforge.platform.problem.internal;
