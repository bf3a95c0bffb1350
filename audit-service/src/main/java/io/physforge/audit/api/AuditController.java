package io.physforge.audit.api;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.web.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit API. Reading other users' events, verifying and exporting need ADMIN or
 * AUDITOR (everyone else gets 403) and are themselves recorded ({@link AuditReads}); any
 * authenticated user may read their own events and the public key.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

	private static final String READERS = "hasAnyRole('ADMIN', 'AUDITOR')";

	private final EventQueries queries;

	private final LogReader reader;

	private final AuditReads reads;

	private final AuditKeys keys;

	AuditController(EventQueries queries, LogReader reader, AuditReads reads, AuditKeys keys) {
		this.queries = queries;
		this.reader = reader;
		this.reads = reads;
		this.keys = keys;
	}

	@GetMapping("/events")
	@PreAuthorize(READERS)
	Page<EventView> events(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String resourceType, @RequestParam(required = false) String resourceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		EventFilter filter = new EventFilter(actor, action, resourceType, resourceId, from, to);
		this.reads.record(CurrentUser.get(), "audit.query", filter.toString());
		return this.queries.page(filter, Paging.of(page, size));
	}

	/**
	 * An event with its inclusion proof.
	 *
	 * @param event the event
	 * @param leafIndex its leaf index (seq - 1)
	 * @param proof the RFC 9162 audit path and the checkpoint it leads to, or why there
	 * is none yet
	 */
	record EventWithProof(EventView event, long leafIndex, LogReader.Proof proof) {

	}

	@GetMapping("/events/{seq}")
	@PreAuthorize(READERS)
	EventWithProof event(@PathVariable long seq) {
		this.reads.record(CurrentUser.get(), "audit.query", "seq=" + seq);
		EventView event = this.queries.find(seq).orElseThrow(() -> ProblemException.notFound("audit-event", seq));
		return new EventWithProof(event, seq - 1, this.reader.inclusionProof(seq));
	}

	@GetMapping("/verify")
	@PreAuthorize(READERS)
	VerifyResult verify() {
		this.reads.record(CurrentUser.get(), "audit.verify", "whole log");
		return this.reader.verify();
	}

	@GetMapping("/checkpoints")
	@PreAuthorize(READERS)
	Page<CheckpointView> checkpoints(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.reader.checkpoints(Paging.of(page, size));
	}

	@GetMapping("/export")
	@PreAuthorize(READERS)
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to) {
		long[] range = this.reader.exportRange(from, to);
		long first = range[0];
		long last = range[1];
		this.reads.record(CurrentUser.get(), "audit.export", "seq " + first + " to " + last);
		StreamingResponseBody body = (out) -> this.reader.export(first, last, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.header("Content-Disposition", "attachment; filename=\"audit-" + first + "-" + last + ".jsonl\"")
			.body(body);
	}

	@GetMapping("/me")
	Page<EventView> me(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		CurrentUser user = CurrentUser.get();
		return this.queries.page(new EventFilter(user.id(), null, null, null, null, null), Paging.of(page, size));
	}

	@GetMapping("/public-key")
	Map<String, String> publicKey() {
		return Map.of("keyId", this.keys.keyId(), "algorithm", "Ed25519", "publicKeyPem",
				SigningKeys.pem(this.keys.publicKey()), "publicKeyDer",
				Base64.getEncoder().encodeToString(this.keys.publicKey().getEncoded()));
	}

}
