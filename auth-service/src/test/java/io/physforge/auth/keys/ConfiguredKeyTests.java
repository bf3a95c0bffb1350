package io.physforge.auth.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import io.physforge.auth.config.AuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading the signing key from {@code PF_JWT_PRIVATE_KEY}.
 */
class ConfiguredKeyTests {

	private static String pem(KeyPair pair) {
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	private static KeyPair rsa(int bits) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		return generator.generateKeyPair();
	}

	@Test
	void pkcs8PemGivesTheKeyPairWithConfiguredKid() throws Exception {
		KeyPair pair = rsa(2048);
		RSAKey key = SigningKeys.configuredKey(new AuthProperties.Keys(pem(pair), "prod-2026"));
		assertThat(key.getKeyID()).isEqualTo("prod-2026");
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
	}

	@Test
	void kidDefaultsToTheThumbprint() throws Exception {
		RSAKey key = SigningKeys.configuredKey(new AuthProperties.Keys(pem(rsa(2048)), ""));
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
	}

	@Test
	void absentKeyMeansGenerated() {
		assertThat(SigningKeys.configuredKey(new AuthProperties.Keys(" ", null))).isNull();
	}

	@Test
	void unusableKeysFailWithAFix() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.configuredKey(new AuthProperties.Keys(
					"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", null)))
			.withMessageContaining("openssl pkcs8");
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.configuredKey(new AuthProperties.Keys(pem(rsa(1024)), null)))
			.withMessageContaining("at least 2048");
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.configuredKey(new AuthProperties.Keys(
					"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", null)))
			.withMessageContaining("not a readable");
	}

}
