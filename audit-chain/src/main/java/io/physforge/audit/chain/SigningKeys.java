package io.physforge.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) keys of audit checkpoints in their standard encodings: private keys
 * as PKCS#8, public keys as X.509 SubjectPublicKeyInfo DER (base64 or PEM). A key id is
 * the first 8 bytes of SHA-256 of the public key's DER, in hex, so it names exactly one
 * key.
 */
public final class SigningKeys {

	private SigningKeys() {
	}

	/**
	 * @return a fresh Ed25519 key pair
	 */
	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available in this JDK", ex);
		}
	}

	/**
	 * @param pkcs8 the PKCS#8 DER of an Ed25519 private key
	 * @return the key
	 * @throws IllegalArgumentException when it is not one
	 */
	public static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param text an Ed25519 public key: PEM ({@code -----BEGIN PUBLIC KEY-----}) or the
	 * base64 of its DER
	 * @return the key
	 * @throws IllegalArgumentException when it is not one
	 */
	public static PublicKey publicKey(String text) {
		String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			return publicKey(Base64.getDecoder().decode(base64));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a PEM or base64 Ed25519 public key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param der the X.509 SubjectPublicKeyInfo DER of an Ed25519 public key
	 * @return the key
	 * @throws IllegalArgumentException when it is not one
	 */
	public static PublicKey publicKey(byte[] der) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an X.509 Ed25519 public key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A key pair from its two stored halves (the JDK cannot derive an Ed25519 public key
	 * from the private one, so both are kept), checked to belong together.
	 * @param pkcs8 private key DER
	 * @param x509 public key DER
	 * @return the pair, checked to belong together
	 * @throws IllegalArgumentException when the public key does not verify the private
	 * key's signature
	 */
	public static KeyPair keyPair(byte[] pkcs8, byte[] x509) {
		KeyPair pair = new KeyPair(publicKey(x509), privateKey(pkcs8));
		byte[] probe = "physforge-audit-key-check".getBytes(StandardCharsets.UTF_8);
		if (!Checkpoint.verifyBytes(pair.getPublic(), probe, Checkpoint.signBytes(pair.getPrivate(), probe))) {
			throw new IllegalArgumentException("the Ed25519 public key does not belong to the private key");
		}
		return pair;
	}

	/**
	 * The public key of an Ed25519 private key (RFC 8032 §5.1.5): the JDK does not expose
	 * the derivation, so the key generator is fed the private key's 32 bytes as its
	 * randomness, which yields the same private key and its public key.
	 * @param key an Ed25519 private key
	 * @return its public key
	 */
	public static PublicKey publicKeyOf(PrivateKey key) {
		if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
			throw new IllegalArgumentException("not an Ed25519 private key with its key bytes");
		}
		byte[] seed = edec.getBytes().get();
		SecureRandom replay = new SecureRandom() {
			@Override
			public void nextBytes(byte[] bytes) {
				System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
			}
		};
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, replay);
			KeyPair pair = generator.generateKeyPair();
			if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
				throw new IllegalStateException("this JDK's Ed25519 generator does not take the seed as given");
			}
			return pair.getPublic();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available in this JDK", ex);
		}
	}

	/**
	 * @param key a public key
	 * @return its key id: hex of the first 8 bytes of SHA-256 of its DER
	 */
	public static String keyId(PublicKey key) {
		byte[] digest = EventHashes.sha256().digest(key.getEncoded());
		return Hex.of(Arrays.copyOf(digest, 8));
	}

	/**
	 * @param key a public key
	 * @return its PEM text
	 */
	public static String pem(PublicKey key) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

}
