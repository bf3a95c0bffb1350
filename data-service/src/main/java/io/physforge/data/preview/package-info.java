/**
 * Previews: a down-sampled 2-D (or 1-D) slice of one field as JSON, for plots.
 */
package io.physforge.data.preview;
