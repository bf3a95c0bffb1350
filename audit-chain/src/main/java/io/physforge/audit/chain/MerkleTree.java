package io.physforge.audit.chain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 9162 (Certificate Transparency 2.0) §2.1 Merkle tree hashes and proofs over a list
 * of leaf hashes indexed from 0 (the audit event of seq {@code s} is leaf {@code s - 1}).
 * <p>
 * {@code MTH({}) = SHA-256()}; a leaf is {@code SHA-256(0x00 || d)}; for {@code n > 1},
 * with {@code k} the largest power of two below {@code n},
 * {@code MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))}.
 * <p>
 * Guarantees: an inclusion proof (RFC 9162 §2.1.3) of leaf {@code m} in a tree of size
 * {@code n} has at most {@code ceil(log2 n)} hashes (21 for up to 2<sup>21</sup> leaves),
 * and {@link #verifyInclusion} accepts it only if the leaf is at that index in the tree
 * whose root is given. A range proof binds the contiguous leaves {@code [from, to)}: it
 * holds the hash of every maximal subtree disjoint from the range, in left-to-right
 * order, and {@link #rootFromRange} recomputes the root from the range's leaves and those
 * hashes, so any change, omission or reordering of an exported leaf changes the root.
 * Generating a proof streams the other leaves once through {@link LeafSource} (O(n)
 * hashing, O(log n) memory); verifying costs O(log n) hashes plus the range's own.
 */
public final class MerkleTree {

	private MerkleTree() {
	}

	/**
	 * Streams stored leaf hashes in index order.
	 */
	@FunctionalInterface
	public interface LeafSource {

		/**
		 * Hands every leaf hash of {@code [from, to)} to {@code sink}, in index order.
		 * @param from first index
		 * @param to index after the last
		 * @param sink receives each 32-byte leaf hash
		 */
		void leaves(long from, long to, Consumer<byte[]> sink);

	}

	/**
	 * Hashes of whole subtrees, for proofs over trees whose oldest leaves are no longer
	 * stored ({@link PrunedTree}).
	 */
	@FunctionalInterface
	public interface SubtreeSource {

		/**
		 * @param from first leaf of the subtree
		 * @param to leaf after its last
		 * @return {@code MTH(D[from:to])}
		 */
		byte[] hash(long from, long to);

	}

	/**
	 * @param source stored leaves
	 * @return subtree hashes computed by streaming those leaves
	 */
	public static SubtreeSource subtrees(LeafSource source) {
		return (from, to) -> {
			MerkleFrontier frontier = new MerkleFrontier();
			source.leaves(from, to, frontier::append);
			if (frontier.size() != to - from) {
				throw new IllegalStateException(
						"leaf source gave " + frontier.size() + " leaves for [" + from + ", " + to + ")");
			}
			return frontier.root();
		};
	}

	/**
	 * @return the root of the empty tree, {@code SHA-256()}
	 */
	public static byte[] emptyRoot() {
		return EventHashes.sha256().digest();
	}

	/**
	 * @param data leaf data
	 * @return {@code SHA-256(0x00 || data)}
	 */
	public static byte[] leafHash(byte[] data) {
		MessageDigest sha = EventHashes.sha256();
		sha.update((byte) 0);
		return sha.digest(data);
	}

	/**
	 * @param left left child hash
	 * @param right right child hash
	 * @return {@code SHA-256(0x01 || left || right)}
	 */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = EventHashes.sha256();
		sha.update((byte) 1);
		sha.update(left);
		return sha.digest(right);
	}

	/**
	 * @param n a size, at least 2
	 * @return the largest power of two strictly below {@code n}
	 */
	public static long split(long n) {
		return Long.highestOneBit(n - 1);
	}

	/**
	 * The root over leaves in memory (for tests and small trees).
	 * @param leaves leaf hashes
	 * @return the Merkle tree hash
	 */
	public static byte[] root(List<byte[]> leaves) {
		MerkleFrontier frontier = new MerkleFrontier();
		leaves.forEach(frontier::append);
		return frontier.root();
	}

	/**
	 * The RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf {@code index},
	 * bottom-up.
	 * @param index the leaf
	 * @param size the tree size
	 * @param source the stored leaves
	 * @return the audit path
	 */
	public static List<byte[]> inclusionProof(long index, long size, LeafSource source) {
		return inclusionProof(index, size, subtrees(source));
	}

	/**
	 * The inclusion proof of leaf {@code index}, bottom-up, from subtree hashes.
	 * @param index the leaf
	 * @param size the tree size
	 * @param source subtree hashes
	 * @return the audit path
	 */
	public static List<byte[]> inclusionProof(long index, long size, SubtreeSource source) {
		checkIndex(index, size);
		List<long[]> siblings = new ArrayList<>();
		long lo = 0;
		long hi = size;
		while (hi - lo > 1) {
			long k = split(hi - lo);
			if (index < lo + k) {
				siblings.add(0, new long[] { lo + k, hi });
				hi = lo + k;
			}
			else {
				siblings.add(0, new long[] { lo, lo + k });
				lo = lo + k;
			}
		}
		List<byte[]> hashes = new ArrayList<>();
		for (long[] node : siblings) {
			hashes.add(source.hash(node[0], node[1]));
		}
		return hashes;
	}

	/**
	 * Checks an inclusion proof as RFC 9162 §2.1.3.2 says.
	 * @param index the leaf's index
	 * @param size the tree size
	 * @param leafHash the leaf hash
	 * @param proof the audit path, bottom-up
	 * @param root the expected root
	 * @return whether the proof shows the leaf at that index under that root
	 */
	public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && EventHashes.same(r, root);
	}

	/**
	 * The subtrees a range proof carries: every maximal subtree disjoint from
	 * {@code [from, to)}, in left-to-right (pre-order) order.
	 * @param from first leaf of the range
	 * @param to leaf after the last
	 * @param size tree size
	 * @return {@code [start, end)} of each subtree
	 */
	public static List<long[]> rangeProofNodes(long from, long to, long size) {
		checkRange(from, to, size);
		List<long[]> nodes = new ArrayList<>();
		collect(0, size, from, to, nodes);
		return nodes;
	}

	private static void collect(long lo, long hi, long from, long to, List<long[]> nodes) {
		if (hi <= from || lo >= to) {
			nodes.add(new long[] { lo, hi });
			return;
		}
		if (from <= lo && hi <= to) {
			return;
		}
		long k = split(hi - lo);
		collect(lo, lo + k, from, to, nodes);
		collect(lo + k, hi, from, to, nodes);
	}

	/**
	 * The range proof of leaves {@code [from, to)}: the hashes of
	 * {@link #rangeProofNodes}, computed by streaming those leaves.
	 * @param from first leaf of the range
	 * @param to leaf after the last
	 * @param size tree size
	 * @param source the stored leaves
	 * @return the proof hashes, in order
	 */
	public static List<byte[]> rangeProof(long from, long to, long size, LeafSource source) {
		return rangeProof(from, to, size, subtrees(source));
	}

	/**
	 * The range proof of leaves {@code [from, to)} from subtree hashes.
	 * @param from first leaf of the range
	 * @param to leaf after the last
	 * @param size tree size
	 * @param source subtree hashes
	 * @return the proof hashes, in order
	 */
	public static List<byte[]> rangeProof(long from, long to, long size, SubtreeSource source) {
		List<byte[]> hashes = new ArrayList<>();
		for (long[] node : rangeProofNodes(from, to, size)) {
			hashes.add(source.hash(node[0], node[1]));
		}
		return hashes;
	}

	/**
	 * Recomputes the root of a tree of {@code size} leaves from the leaves
	 * {@code [from, to)} and their range proof.
	 * @param from first leaf of the range
	 * @param to leaf after the last
	 * @param size tree size
	 * @param leaves the range's leaf hashes, {@code to - from} of them
	 * @param proof the range proof
	 * @return the root
	 * @throws IllegalArgumentException when the counts do not fit the range and size
	 */
	public static byte[] rootFromRange(long from, long to, long size, List<byte[]> leaves, List<byte[]> proof) {
		checkRange(from, to, size);
		if (leaves.size() != to - from) {
			throw new IllegalArgumentException(
					"range [" + from + ", " + to + ") needs " + (to - from) + " leaves, got " + leaves.size());
		}
		int expected = rangeProofNodes(from, to, size).size();
		if (proof.size() != expected) {
			throw new IllegalArgumentException("range proof for [" + from + ", " + to + ") of a tree of " + size
					+ " needs " + expected + " hashes, got " + proof.size());
		}
		int[] next = { 0 };
		return rebuild(0, size, from, to, leaves, proof, next);
	}

	private static byte[] rebuild(long lo, long hi, long from, long to, List<byte[]> leaves, List<byte[]> proof,
			int[] next) {
		if (hi <= from || lo >= to) {
			return proof.get(next[0]++);
		}
		if (from <= lo && hi <= to) {
			return root(leaves.subList((int) (lo - from), (int) (hi - from)));
		}
		long k = split(hi - lo);
		byte[] left = rebuild(lo, lo + k, from, to, leaves, proof, next);
		byte[] right = rebuild(lo + k, hi, from, to, leaves, proof, next);
		return nodeHash(left, right);
	}

	private static void checkIndex(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
		}
	}

	private static void checkRange(long from, long to, long size) {
		if (from < 0 || to <= from || to > size) {
			throw new IllegalArgumentException(
					"range [" + from + ", " + to + ") is not a non-empty range of a tree of " + size + " leaves");
		}
	}

}
