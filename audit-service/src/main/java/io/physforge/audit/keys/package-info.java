/**
 * The chain's HMAC key and the checkpoints' Ed25519 key: configured, or generated once
 * into a key directory; the public key is stored and published.
 */
package io.physforge.audit.keys;
