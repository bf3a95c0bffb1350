/**
 * Data sets: spooling and validating uploads with the physics-core readers, storing the
 * original and the canonical form in the {@code datasets} bucket, metadata, listing,
 * download and deletion, each checked against the caller (owner or ADMIN).
 */
package io.physforge.data.dataset;
