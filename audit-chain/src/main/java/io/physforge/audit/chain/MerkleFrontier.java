package io.physforge.audit.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An RFC 9162 Merkle tree grown one leaf at a time, kept as its frontier: the roots of
 * the perfect subtrees that make up the tree, one per set bit of the size (O(log n)
 * memory, amortised O(1) hashes per append). {@link #root()} equals {@code MTH} of all
 * appended leaves. Not thread-safe.
 */
public final class MerkleFrontier {

	private final byte[][] levels = new byte[64][];

	private long size;

	/** An empty tree. */
	public MerkleFrontier() {
	}

	/**
	 * A tree restored from its frontier.
	 * @param size number of leaves
	 * @param hashes the perfect-subtree roots, largest (leftmost) first, as
	 * {@link #hashes()} returns them
	 * @return the tree
	 * @throws IllegalArgumentException when the count does not match the size's set bits
	 */
	public static MerkleFrontier of(long size, List<byte[]> hashes) {
		if (size < 0 || Long.bitCount(size) != hashes.size()) {
			throw new IllegalArgumentException(
					"a frontier of size " + size + " has " + Long.bitCount(size) + " hashes, got " + hashes.size());
		}
		MerkleFrontier frontier = new MerkleFrontier();
		int next = hashes.size() - 1;
		for (int level = 0; level < 64; level++) {
			if ((size & (1L << level)) != 0) {
				frontier.levels[level] = EventHashes.copy(hashes.get(next--));
			}
		}
		frontier.size = size;
		return frontier;
	}

	/**
	 * @param leafHash the next leaf hash
	 */
	public void append(byte[] leafHash) {
		byte[] carry = leafHash;
		int level = 0;
		while ((this.size & (1L << level)) != 0) {
			carry = MerkleTree.nodeHash(this.levels[level], carry);
			this.levels[level] = null;
			level++;
		}
		this.levels[level] = carry;
		this.size++;
	}

	/**
	 * @return number of leaves
	 */
	public long size() {
		return this.size;
	}

	/**
	 * @return the Merkle tree hash of all leaves
	 */
	public byte[] root() {
		byte[] acc = null;
		for (int level = 0; level < 64; level++) {
			if (this.levels[level] != null) {
				acc = (acc == null) ? this.levels[level] : MerkleTree.nodeHash(this.levels[level], acc);
			}
		}
		return (acc != null) ? EventHashes.copy(acc) : MerkleTree.emptyRoot();
	}

	/**
	 * @return the perfect-subtree roots, largest (leftmost) first
	 */
	public List<byte[]> hashes() {
		List<byte[]> hashes = new ArrayList<>();
		for (int level = 0; level < 64; level++) {
			if (this.levels[level] != null) {
				hashes.add(EventHashes.copy(this.levels[level]));
			}
		}
		Collections.reverse(hashes);
		return hashes;
	}

	/**
	 * @return an independent copy
	 */
	public MerkleFrontier copy() {
		return of(this.size, hashes());
	}

}
