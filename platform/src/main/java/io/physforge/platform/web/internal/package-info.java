/**
 * Machinery of {@link io.physforge.platform.web}: the info controller, the request-id
 * filter and the platform's property defaults.
 */
package io.physforge.platform.web.internal;
