/**
 * RS256 signing keys, the JWKS endpoint, key rotation and access-token signing.
 */
package io.physforge.auth.keys;
