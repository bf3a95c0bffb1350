package io.physforge.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AuditDetails}: the canonical JSON hash and the refusal of secrets.
 */
class AuditDetailsTests {

	@Test
	void hashIsTheSha256OfTheCanonicalJsonWithSortedKeys() throws Exception {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("new", List.of("ADMIN", "VIEWER"));
		details.put("b", Map.of("z", 1, "a", true));
		details.put("a", "x");
		String canonical = "{\"a\":\"x\",\"b\":{\"a\":true,\"z\":1},\"new\":[\"ADMIN\",\"VIEWER\"]}";
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		assertThat(AuditDetails.hash(details)).isEqualTo(expected);
	}

	@Test
	void secretsAreRefusedAtEveryLevel() {
		for (String key : List.of("password", "newPassword", "refresh_token", "accessToken", "clientSecret", "apiKey",
				"private-key", "key", "credentials")) {
			assertThatIllegalArgumentException().isThrownBy(() -> AuditDetails.hash(Map.of(key, "v")))
				.withMessageContaining(key);
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditDetails.hash(Map.of("user", Map.of("password", "hunter2"))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditEvent.builder("auth.password-change", "user").details(Map.of("password", "p")));
	}

	@Test
	void identifiersOfKeysAreAllowed() {
		assertThat(AuditDetails.hash(Map.of("keyId", "k1", "kid", "k2", "roles", List.of("ADMIN"))))
			.matches("[0-9a-f]{64}");
	}

}
