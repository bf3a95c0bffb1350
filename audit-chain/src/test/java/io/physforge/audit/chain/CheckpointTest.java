package io.physforge.audit.chain;

import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ed25519 checkpoints: a signed checkpoint verifies; changing any field or using another
 * key does not.
 */
class CheckpointTest {

	@Test
	void signsAndVerifiesEveryField() {
		KeyPair keys = SigningKeys.generate();
		String keyId = SigningKeys.keyId(keys.getPublic());
		byte[] root = MerkleTree.leafHash(new byte[] { 1 });
		byte[] last = MerkleTree.leafHash(new byte[] { 2 });
		Checkpoint c = Checkpoint.sign(7, root, last, Instant.parse("2026-12-07T18:00:00.123456Z"), keys.getPrivate(),
				keyId);
		assertThat(c.time()).isEqualTo(Instant.parse("2026-12-07T18:00:00.123Z"));
		assertThat(c.signedText()).contains("tree_size=7\n", "time=2026-12-07T18:00:00.123Z\n", "key_id=" + keyId);
		assertThat(c.verify(keys.getPublic())).isTrue();
		assertThat(new Checkpoint(8, root, last, c.time(), keyId, c.signature()).verify(keys.getPublic())).isFalse();
		assertThat(new Checkpoint(7, last, last, c.time(), keyId, c.signature()).verify(keys.getPublic())).isFalse();
		assertThat(new Checkpoint(7, root, root, c.time(), keyId, c.signature()).verify(keys.getPublic())).isFalse();
		assertThat(new Checkpoint(7, root, last, c.time().plusMillis(1), keyId, c.signature()).verify(keys.getPublic()))
			.isFalse();
		assertThat(c.verify(SigningKeys.generate().getPublic())).isFalse();
		assertThat(SigningKeys.publicKey(SigningKeys.pem(keys.getPublic()))).isEqualTo(keys.getPublic());
		assertThat(SigningKeys.publicKeyOf(SigningKeys.privateKey(keys.getPrivate().getEncoded())))
			.isEqualTo(keys.getPublic());
		assertThat(SigningKeys.keyPair(keys.getPrivate().getEncoded(), keys.getPublic().getEncoded()).getPublic())
			.isEqualTo(keys.getPublic());
	}

}
