package io.physforge.data.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import io.physforge.data.dataset.DataSet;
import io.physforge.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/data/uploads}: resumable uploads in fixed-size chunks.
 * <ol>
 * <li>{@code POST /api/data/uploads} {@code {filename, size, name?, description?,
 * sha256?, chunkSize?}} answers the upload with its {@code id}, {@code chunkSize} and
 * {@code chunkCount};</li>
 * <li>{@code PUT /api/data/uploads/{id}/chunks/{index}} with the chunk's bytes (any
 * order, repeatable);</li>
 * <li>{@code GET /api/data/uploads/{id}} tells which chunks and byte ranges arrived;</li>
 * <li>{@code POST /api/data/uploads/{id}/complete} creates the data set (201), or
 * {@code DELETE /api/data/uploads/{id}} abandons the upload.</li>
 * </ol>
 */
@RestController
@RequestMapping("/api/data/uploads")
public class UploadController {

	private final Uploads uploads;

	public UploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	/**
	 * @param request what will be sent
	 * @return 201 with the upload
	 */
	@PostMapping
	public ResponseEntity<UploadSession> start(@RequestBody StartUpload request) {
		UploadSession session = this.uploads.start(CurrentUser.get(), request);
		return ResponseEntity.created(URI.create("/api/data/uploads/" + session.id())).body(session);
	}

	/**
	 * @param id upload id
	 * @return its state
	 */
	@GetMapping("/{id}")
	public UploadSession status(@PathVariable("id") UUID id) {
		return this.uploads.status(CurrentUser.get(), id);
	}

	/**
	 * Stores one chunk; the body is the raw bytes with a Content-Length.
	 * @param id upload id
	 * @param index chunk index from 0
	 * @param request the request carrying the bytes
	 * @return the upload's state
	 * @throws IOException when the body cannot be read
	 */
	@PutMapping("/{id}/chunks/{index}")
	public UploadSession chunk(@PathVariable("id") UUID id, @PathVariable("index") int index,
			HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return this.uploads.putChunk(CurrentUser.get(), id, index, request.getContentLengthLong(), in);
		}
	}

	/**
	 * @param id upload id
	 * @return 201 with the new data set
	 */
	@PostMapping("/{id}/complete")
	public ResponseEntity<DataSet> complete(@PathVariable("id") UUID id) {
		DataSet dataSet = this.uploads.complete(CurrentUser.get(), id);
		return ResponseEntity.created(URI.create("/api/data/datasets/" + dataSet.id())).body(dataSet);
	}

	/**
	 * @param id upload id
	 * @return 204
	 */
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> abort(@PathVariable("id") UUID id) {
		this.uploads.abort(CurrentUser.get(), id);
		return ResponseEntity.noContent().build();
	}

}
