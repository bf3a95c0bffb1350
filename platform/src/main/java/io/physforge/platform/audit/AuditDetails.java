package io.physforge.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code detailsHash} of an audit event: SHA-256 (lower-case hex) of the canonical
 * JSON of the details a service binds to it, keys sorted at every level, no white space
 * (RFC 8785 for the strings, integers, booleans, lists and maps used here). Binding a
 * hash rather than the details keeps the log free of personal data while letting a
 * reviewer check a claim ("the roles were X") against it. Details whose key looks like a
 * secret (password, token, secret, credential, key material) are refused: an audit log
 * never holds secrets, not even hashed.
 */
public final class AuditDetails {

	private static final ObjectMapper CANONICAL = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private AuditDetails() {
	}

	/**
	 * Hashes details.
	 * @param details the details: strings, numbers, booleans, lists and nested maps
	 * @return 64 lower-case hex digits
	 * @throws IllegalArgumentException when a key looks like a secret
	 */
	public static String hash(Map<String, ?> details) {
		try {
			byte[] json = CANONICAL.writeValueAsBytes(checked(details));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Audit details cannot be written as JSON: " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * SHA-256 hex of a text, for binding an identifier that must not appear as such (the
	 * e-mail of an unknown account).
	 * @param text the text
	 * @return 64 lower-case hex digits
	 */
	public static String hashText(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> checked(Map<String, ?> details) {
		Map<String, Object> copy = new TreeMap<>();
		details.forEach((key, value) -> {
			if (looksSecret(key)) {
				throw new IllegalArgumentException(
						"Audit details must not hold secrets; refused key '" + key + "' (passwords, tokens, keys)");
			}
			copy.put(key, (value instanceof Map<?, ?> nested) ? checked(asStringKeys(nested)) : value);
		});
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> asStringKeys(Map<?, ?> map) {
		return (Map<String, ?>) map;
	}

	/**
	 * Whether a details key names a secret: it contains password, passwd, token, secret
	 * or credential, or ends with "key" (apiKey, privateKey, signing_key); "keyId" is
	 * fine.
	 * @param key the key
	 * @return whether it is refused
	 */
	static boolean looksSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		return name.contains("password") || name.contains("passwd") || name.contains("token") || name.contains("secret")
				|| name.contains("credential") || name.endsWith("key");
	}

}
