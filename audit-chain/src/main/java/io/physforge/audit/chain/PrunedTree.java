package io.physforge.audit.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * Subtree hashes of an RFC 9162 Merkle tree whose first {@code prunedSize} leaves are
 * gone (removed by retention) but whose frontier at that size is kept: a subtree
 * {@code [from, to)} is hashed from the frontier nodes it contains plus the stored leaves
 * from {@code prunedSize} on. Every node an inclusion or range proof needs for leaves at
 * or after {@code prunedSize} is such a subtree (dyadic subtrees are nested or disjoint),
 * so proofs stay available; a subtree cutting a frontier node is refused.
 */
public final class PrunedTree implements MerkleTree.SubtreeSource {

	private final long prunedSize;

	private final List<byte[]> frontier;

	private final MerkleTree.LeafSource leaves;

	/**
	 * @param prunedSize number of removed leaves (0: nothing removed)
	 * @param frontier the frontier at that size, largest first
	 * @param leaves the stored leaves, from index {@code prunedSize} on
	 */
	public PrunedTree(long prunedSize, List<byte[]> frontier, MerkleTree.LeafSource leaves) {
		if (frontier.size() != Long.bitCount(prunedSize)) {
			throw new IllegalArgumentException("a frontier of size " + prunedSize + " has " + Long.bitCount(prunedSize)
					+ " hashes, got " + frontier.size());
		}
		this.prunedSize = prunedSize;
		this.frontier = List.copyOf(frontier);
		this.leaves = leaves;
	}

	@Override
	public byte[] hash(long from, long to) {
		MerkleFrontier tree;
		if (from < this.prunedSize) {
			long end = Math.min(to, this.prunedSize);
			List<byte[]> inside = new ArrayList<>();
			long start = 0;
			int next = 0;
			for (int bit = 63; bit >= 0; bit--) {
				long size = 1L << bit;
				if ((this.prunedSize & size) != 0) {
					if (start >= from && start + size <= end) {
						inside.add(this.frontier.get(next));
					}
					else if (start < end && start + size > from) {
						throw new IllegalArgumentException("subtree [" + from + ", " + to + ") cuts a subtree removed "
								+ "by retention; only leaves from " + this.prunedSize + " have proofs");
					}
					start += size;
					next++;
				}
			}
			tree = MerkleFrontier.of(end - from, inside);
		}
		else {
			tree = new MerkleFrontier();
		}
		long stored = Math.max(from, this.prunedSize);
		if (stored < to) {
			this.leaves.leaves(stored, to, tree::append);
		}
		if (tree.size() != to - from) {
			throw new IllegalStateException("got " + tree.size() + " leaves for [" + from + ", " + to + ")");
		}
		return tree.root();
	}

}
