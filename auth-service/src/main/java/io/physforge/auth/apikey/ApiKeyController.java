package io.physforge.auth.apikey;

import java.util.List;
import java.util.UUID;

import io.physforge.auth.session.TokenResponse;
import io.physforge.platform.security.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth/api-keys}: create, list and revoke the caller's keys; exchange a key
 * for an access token (public).
 */
@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiKeyRecords.Created create(@Valid @RequestBody ApiKeyRecords.Create request) {
		return this.keys.create(CurrentUser.get(), request.name(), request.expiresAt());
	}

	@GetMapping
	List<ApiKeyRecords.Summary> list() {
		return this.keys.list(CurrentUser.get());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID id) {
		this.keys.revoke(CurrentUser.get(), id);
	}

	@PostMapping("/exchange")
	TokenResponse exchange(@Valid @RequestBody ApiKeyRecords.Exchange request) {
		return this.keys.exchange(request.apiKey());
	}

}
