/**
 * Machinery behind {@link io.physforge.core.derivative}: Fornberg weights, local
 * least-squares polynomial weights, and the stencil applier that walks one axis of a
 * row-major field. Not part of the public API; may change without notice.
 */
package io.physforge.core.derivative.internal;
