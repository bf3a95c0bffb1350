/**
 * The audit log's cryptography, usable without a server: RFC 8785 canonical JSON
 * ({@link io.physforge.audit.chain.CanonicalJson}), the leaf hash and keyed chain link of
 * an event ({@link io.physforge.audit.chain.EventHashes}), RFC 9162 Merkle trees with
 * inclusion and range proofs ({@link io.physforge.audit.chain.MerkleTree},
 * {@link io.physforge.audit.chain.MerkleFrontier}), Ed25519-signed checkpoints (RFC 8032,
 * {@link io.physforge.audit.chain.Checkpoint}) and the offline check of an export file
 * ({@link io.physforge.audit.chain.ExportVerifier}). Plain Java 17 and Jackson; no
 * Spring.
 */
package io.physforge.audit.chain;
