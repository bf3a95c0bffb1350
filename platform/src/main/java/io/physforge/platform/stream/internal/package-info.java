/**
 * Redis mechanics of the stream consumer (claims, delivery counts, acknowledgements, dead
 * letters); private to {@code io.physforge.platform.stream}.
 */
package io.physforge.platform.stream.internal;
