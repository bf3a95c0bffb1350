package io.physforge.derivative.featureset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/derivatives/feature-sets}: request (computed at once), list, show, download
 * (the NPZ, streamed) and delete. Another user's feature set answers 404; an ADMIN sees
 * all; a VIEWER reads only.
 */
@RestController
@RequestMapping("/api/derivatives/feature-sets")
class FeatureSetController {

	/** Response header carrying the SHA-256 of a streamed feature set. */
	static final String SHA256_HEADER = "X-PhysForge-SHA256";

	private final FeatureSetService service;

	FeatureSetController(FeatureSetService service) {
		this.service = service;
	}

	/**
	 * Computes a feature set of one of the caller's data sets:
	 * {@code {"datasetId":"...","method":"fd","options":{"accuracy":"4"},"names":["u_t","u_x","u_xx"]}}
	 * (see {@code FeatureSpec} for every member).
	 * @param body the request
	 * @param authorization the caller's token, forwarded to data-service
	 * @return 201 with the feature set
	 */
	@PostMapping
	ResponseEntity<FeatureSet> create(@RequestBody(required = false) JsonNode body,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		FeatureSet created = this.service.create(CurrentUser.get(), body, authorization);
		return ResponseEntity.created(URI.create("/api/derivatives/feature-sets/" + created.id())).body(created);
	}

	/**
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the caller's feature sets, newest first
	 */
	@GetMapping
	FeatureSetPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.service.list(CurrentUser.get(), page, size);
	}

	/**
	 * @param id the feature set id
	 * @return its metadata
	 */
	@GetMapping("/{id}")
	FeatureSet show(@PathVariable UUID id) {
		return this.service.show(CurrentUser.get(), id);
	}

	/**
	 * Streams the NPZ: coordinates, fields and derivatives by canonical name.
	 * @param id the feature set id
	 * @param response where the bytes go
	 * @throws IOException when the client goes away
	 */
	@GetMapping("/{id}/download")
	void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		FeatureSetService.Download download = this.service.open(CurrentUser.get(), id);
		try (InputStream in = download.content()) {
			response.setStatus(200);
			response.setContentType(FeatureSetFiles.CONTENT_TYPE);
			if (download.featureSet().sizeBytes() != null) {
				response.setContentLengthLong(download.featureSet().sizeBytes());
			}
			response.setHeader(SHA256_HEADER, download.featureSet().sha256());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("features-" + id + ".npz", StandardCharsets.UTF_8)
						.build()
						.toString());
			OutputStream out = response.getOutputStream();
			in.transferTo(out);
			out.flush();
		}
	}

	/**
	 * Deletes a feature set and its file.
	 * @param id the feature set id
	 * @return 204
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.delete(CurrentUser.get(), id);
		return ResponseEntity.noContent().build();
	}

}
