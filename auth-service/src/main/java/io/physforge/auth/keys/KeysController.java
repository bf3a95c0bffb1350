package io.physforge.auth.keys;

import java.util.Map;

import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/auth/.well-known/jwks.json} (public) and
 * {@code POST /api/auth/keys/rotate} (ADMIN).
 */
@RestController
@RequestMapping("/api/auth")
class KeysController {

	private final SigningKeys keys;

	private final AuditRecorder audit;

	KeysController(SigningKeys keys, AuditRecorder audit) {
		this.keys = keys;
		this.audit = audit;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> jwks() {
		return this.keys.publicKeys().toJSONObject(true);
	}

	@PostMapping("/keys/rotate")
	@PreAuthorize("hasRole('ADMIN')")
	SigningKeys.Rotation rotate() {
		SigningKeys.Rotation rotation = this.keys.rotate();
		this.audit.record(AuditEvent.builder("auth.key.rotate", "signing-key").resourceId(rotation.kid()));
		return rotation;
	}

}
