package io.physforge.audit.chain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the RFC 9162 Merkle tree against a naive recursive reference, over
 * random sizes, indices and ranges.
 */
class MerkleTreeTest {

	private final Random random = new Random(20261207);

	@Test
	void frontierRootEqualsTheRecursiveReference() {
		assertThat(new MerkleFrontier().root()).isEqualTo(MerkleTree.emptyRoot());
		for (int n = 1; n <= 300; n++) {
			List<byte[]> leaves = leaves(n);
			MerkleFrontier frontier = new MerkleFrontier();
			leaves.forEach(frontier::append);
			assertThat(frontier.root()).as("n=%d", n).isEqualTo(reference(leaves));
			assertThat(MerkleFrontier.of(n, frontier.hashes()).root()).isEqualTo(frontier.root());
			assertThat(frontier.hashes()).hasSize(Long.bitCount(n));
		}
	}

	@Test
	void inclusionProofsMatchTheReferenceAndVerify() {
		for (int trial = 0; trial < 400; trial++) {
			int n = 1 + this.random.nextInt(1000);
			int m = this.random.nextInt(n);
			List<byte[]> leaves = leaves(n);
			byte[] root = reference(leaves);
			List<byte[]> proof = MerkleTree.inclusionProof(m, n, source(leaves));
			assertThat(proof).as("n=%d m=%d", n, m).containsExactlyElementsOf(referencePath(m, leaves));
			assertThat(proof.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(n - 1));
			assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, root)).isTrue();
			// wrong leaf, wrong index, wrong root, truncated proof: refused
			assertThat(MerkleTree.verifyInclusion(m, n, leaves.get((m + 1) % n), proof, root)).isEqualTo(n == 1);
			if (n > 1) {
				assertThat(MerkleTree.verifyInclusion((m + 1) % n, n, leaves.get(m), proof, root)).isFalse();
				assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof.subList(1, proof.size()), root))
					.isFalse();
			}
			assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, MerkleTree.emptyRoot())).isFalse();
		}
	}

	@Test
	void proofOfAMillionLeafTreeHasAtMost21Hashes() {
		long n = 1_000_000;
		assertThat(MerkleTree.rangeProofNodes(123_456, 123_457, n).size()).isLessThanOrEqualTo(21);
		assertThat(MerkleTree.rangeProofNodes(n - 1, n, n).size()).isLessThanOrEqualTo(21);
	}

	@Test
	void rangeProofsRecomputeTheRootAndBindEveryLeaf() {
		for (int trial = 0; trial < 400; trial++) {
			int n = 1 + this.random.nextInt(700);
			int from = this.random.nextInt(n);
			int to = from + 1 + this.random.nextInt(n - from);
			List<byte[]> leaves = leaves(n);
			byte[] root = reference(leaves);
			List<byte[]> proof = MerkleTree.rangeProof(from, to, n, source(leaves));
			List<byte[]> range = new ArrayList<>(leaves.subList(from, to));
			assertThat(MerkleTree.rootFromRange(from, to, n, range, proof)).as("n=%d [%d,%d)", n, from, to)
				.isEqualTo(root);
			int changed = this.random.nextInt(range.size());
			range.set(changed, MerkleTree.leafHash(new byte[] { 42 }));
			assertThat(MerkleTree.rootFromRange(from, to, n, range, proof)).isNotEqualTo(root);
		}
	}

	@Test
	void proofsOfAPrunedTreeEqualThoseOfTheFullTree() {
		for (int trial = 0; trial < 300; trial++) {
			int n = 2 + this.random.nextInt(600);
			int pruned = this.random.nextInt(n);
			List<byte[]> leaves = leaves(n);
			MerkleFrontier kept = new MerkleFrontier();
			leaves.subList(0, pruned).forEach(kept::append);
			MerkleTree.LeafSource stored = (from, to, sink) -> {
				assertThat(from).as("no removed leaf is read").isGreaterThanOrEqualTo(pruned);
				leaves.subList((int) from, (int) to).forEach(sink);
			};
			PrunedTree tree = new PrunedTree(pruned, kept.hashes(), stored);
			int m = pruned + this.random.nextInt(n - pruned);
			assertThat(MerkleTree.inclusionProof(m, n, tree)).as("n=%d pruned=%d m=%d", n, pruned, m)
				.containsExactlyElementsOf(MerkleTree.inclusionProof(m, n, source(leaves)));
			int to = m + 1 + this.random.nextInt(n - m);
			assertThat(MerkleTree.rangeProof(m, to, n, tree))
				.containsExactlyElementsOf(MerkleTree.rangeProof(m, to, n, source(leaves)));
		}
	}

	static List<byte[]> leaves(int n) {
		List<byte[]> leaves = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			leaves.add(MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(i).array()));
		}
		return leaves;
	}

	static MerkleTree.LeafSource source(List<byte[]> leaves) {
		return (from, to, sink) -> leaves.subList((int) from, (int) to).forEach(sink);
	}

	/** RFC 9162 §2.1.1 MTH, written as the RFC writes it. */
	static byte[] reference(List<byte[]> leaves) {
		if (leaves.isEmpty()) {
			return MerkleTree.emptyRoot();
		}
		if (leaves.size() == 1) {
			return leaves.get(0);
		}
		int k = Integer.highestOneBit(leaves.size() - 1);
		return MerkleTree.nodeHash(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
	}

	/** RFC 9162 §2.1.3.1 PATH, written as the RFC writes it. */
	static List<byte[]> referencePath(int m, List<byte[]> leaves) {
		List<byte[]> path = new ArrayList<>();
		int n = leaves.size();
		if (n == 1) {
			return path;
		}
		int k = Integer.highestOneBit(n - 1);
		if (m < k) {
			path.addAll(referencePath(m, leaves.subList(0, k)));
			path.add(reference(leaves.subList(k, n)));
		}
		else {
			path.addAll(referencePath(m - k, leaves.subList(k, n)));
			path.add(reference(leaves.subList(0, k)));
		}
		return path;
	}

}
