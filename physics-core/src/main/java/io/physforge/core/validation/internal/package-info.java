/** Right-hand sides of discovered equations (pseudo-spectral and finite-difference). */
package io.physforge.core.validation.internal;
