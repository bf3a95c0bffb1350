/**
 * Machinery of the platform's resource server: problem-detail answers for 401 and 403.
 */
package io.physforge.platform.security.internal;
