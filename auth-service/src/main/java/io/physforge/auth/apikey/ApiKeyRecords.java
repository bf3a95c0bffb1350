package io.physforge.auth.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Request and response bodies of the API-key endpoints.
 */
final class ApiKeyRecords {

	private ApiKeyRecords() {
	}

	/**
	 * {@code POST /api-keys}.
	 *
	 * @param name label to recognise the key by
	 * @param expiresAt optional expiry
	 */
	record Create(@NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {
	}

	/**
	 * Answer of {@code POST /api-keys}: the only time the key is shown.
	 *
	 * @param id key id
	 * @param name label
	 * @param prefix public prefix
	 * @param key the whole key, {@code pfk_<prefix>_<secret>}
	 * @param createdAt creation time
	 * @param expiresAt expiry or {@code null}
	 */
	record Created(UUID id, String name, String prefix, String key, Instant createdAt, Instant expiresAt) {
	}

	/**
	 * A key in a list (never the secret).
	 *
	 * @param id key id
	 * @param name label
	 * @param prefix public prefix
	 * @param createdAt creation time
	 * @param expiresAt expiry or {@code null}
	 * @param lastUsedAt last exchange or {@code null}
	 */
	record Summary(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
	}

	/**
	 * {@code POST /api-keys/exchange}.
	 *
	 * @param apiKey the whole key
	 */
	record Exchange(@NotBlank @Size(max = 200) String apiKey) {
	}

}
