package io.physforge.data.upload;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.physforge.data.DataProperties;
import io.physforge.data.dataset.DataSet;
import io.physforge.data.dataset.DataSetCatalog;
import io.physforge.data.dataset.SpooledFile;
import io.physforge.data.dataset.Spooler;
import io.physforge.data.upload.internal.UploadRepository;
import io.physforge.data.upload.internal.UploadRepository.ChunkRow;
import io.physforge.data.upload.internal.UploadRepository.UploadRow;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Resumable uploads: start, chunks, status, complete, abort, and the discarding of
 * uploads idle longer than {@code physforge.data.upload-expiry}. Completing streams the
 * chunks in order into one spooled file and hands it to {@link DataSetCatalog#ingest}, so
 * the result equals a multipart upload of the same file. Whether it succeeds or fails,
 * the upload and its chunk objects are removed afterwards.
 */
@Service
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final UploadRepository repository;

	private final ObjectStorage storage;

	private final Spooler spooler;

	private final DataSetCatalog catalog;

	private final DataProperties properties;

	public Uploads(UploadRepository repository, ObjectStorage storage, Spooler spooler, DataSetCatalog catalog,
			DataProperties properties) {
		this.repository = repository;
		this.storage = storage;
		this.spooler = spooler;
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * Starts an upload; the size is checked against the upload limit and the caller's
	 * quota before any byte is sent.
	 * @param user the caller
	 * @param request what will be sent
	 * @return the new upload
	 */
	public UploadSession start(CurrentUser user, StartUpload request) {
		DataSetCatalog.requireWriter(user);
		if (request.filename() == null || request.filename().isBlank()) {
			throw ProblemException.badRequest("validation",
					"filename is required: its extension must match the content (burgers.h5, data.csv, ...).");
		}
		if (request.size() == null || request.size() <= 0) {
			throw ProblemException.badRequest("validation",
					"size must be the file's total number of bytes (> 0), got " + request.size() + ".");
		}
		String sha256 = null;
		if (request.sha256() != null && !request.sha256().isBlank()) {
			sha256 = request.sha256().strip().toLowerCase(Locale.ROOT);
			if (!SHA256.matcher(sha256).matches()) {
				throw ProblemException.badRequest("validation",
						"sha256 must be 64 hexadecimal digits, got '" + request.sha256() + "'.");
			}
		}
		long maxChunk = this.properties.maxChunkSize().toBytes();
		long chunkSize = (request.chunkSize() != null) ? request.chunkSize() : this.properties.chunkSize().toBytes();
		if (chunkSize <= 0 || chunkSize > maxChunk) {
			throw ProblemException.badRequest("validation",
					"chunkSize must be between 1 and " + maxChunk + " bytes, got " + chunkSize + ".");
		}
		this.spooler.checkSize(request.size());
		this.catalog.checkQuota(user.id(), request.size());
		String filename = Spooler.cleanFilename(request.filename());
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.length() > DataSetCatalog.MAX_NAME) {
			throw ProblemException.badRequest("validation",
					"name has " + name.length() + " characters; at most " + DataSetCatalog.MAX_NAME + " are allowed.");
		}
		String description = (request.description() != null) ? request.description().strip() : "";
		if (description.length() > DataSetCatalog.MAX_DESCRIPTION) {
			throw ProblemException.badRequest("validation", "description has " + description.length()
					+ " characters; at most " + DataSetCatalog.MAX_DESCRIPTION + " are allowed.");
		}
		UploadRow row = new UploadRow(UUID.randomUUID(), user.id(), name, description, filename, request.size(),
				chunkSize, sha256, Instant.now(), Instant.now());
		this.repository.insert(row);
		return session(row, List.of());
	}

	/**
	 * @param user the caller
	 * @param id upload id
	 * @return its state
	 */
	public UploadSession status(CurrentUser user, UUID id) {
		UploadRow row = find(user, id);
		return session(row, this.repository.chunks(id));
	}

	/**
	 * Stores one chunk (again, if it was sent before).
	 * @param user the caller
	 * @param id upload id
	 * @param index chunk index from 0
	 * @param length the request's Content-Length
	 * @param content the bytes
	 * @return the upload's state
	 */
	public UploadSession putChunk(CurrentUser user, UUID id, int index, long length, InputStream content) {
		DataSetCatalog.requireWriter(user);
		UploadRow row = find(user, id);
		int count = chunkCount(row);
		if (index < 0 || index >= count) {
			throw ProblemException.badRequest("chunk-out-of-range",
					"Chunk index " + index + " is outside this upload's chunks 0.." + (count - 1) + " (size "
							+ row.size() + ", chunkSize " + row.chunkSize() + ").");
		}
		long expected = (index < count - 1) ? row.chunkSize() : row.size() - (long) (count - 1) * row.chunkSize();
		if (length != expected) {
			throw ProblemException.badRequest("chunk-size-mismatch",
					"Chunk " + index + " must have exactly " + expected + " bytes (send them with Content-Length), got "
							+ ((length < 0) ? "no Content-Length" : length + " bytes") + ".")
				.with("expectedBytes", expected);
		}
		StoredObject object = this.storage.put(DataSet.BUCKET, content, expected, "application/octet-stream");
		String previous;
		try {
			previous = this.repository.putChunk(id, new ChunkRow(index, object.key(), expected));
		}
		catch (RuntimeException ex) {
			deleteQuietly(object.key());
			throw ex;
		}
		if (previous != null) {
			deleteQuietly(previous);
		}
		return status(user, id);
	}

	/**
	 * Assembles the chunks into a data set; afterwards the upload is gone either way.
	 * @param user the caller
	 * @param id upload id
	 * @return the new data set
	 * @throws ProblemException 409 when chunks are missing (the upload is kept), 422 when
	 * the size or SHA-256 differ or the file is not a valid data set
	 */
	public DataSet complete(CurrentUser user, UUID id) {
		DataSetCatalog.requireWriter(user);
		UploadRow row = find(user, id);
		List<ChunkRow> chunks = this.repository.chunks(id);
		UploadSession session = session(row, chunks);
		if (!session.missingChunks().isEmpty()) {
			throw ProblemException
				.conflict("upload-incomplete",
						"Chunks " + abbreviate(session.missingChunks()) + " of " + session.chunkCount()
								+ " have not been received; send them, then complete again.")
				.with("missingChunks", session.missingChunks());
		}
		try (InputStream joined = new SequenceInputStream(lazily(chunks));
				SpooledFile spooled = this.spooler.spool(joined, row.filename())) {
			if (spooled.size() != row.size()) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "upload-size-mismatch", "Size mismatch",
						"The chunks hold " + spooled.size() + " bytes but the upload declared " + row.size() + ".");
			}
			if (row.sha256() != null && !row.sha256().equals(spooled.sha256())) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "checksum-mismatch", "Checksum mismatch",
						"The received file has SHA-256 " + spooled.sha256() + " but the upload declared " + row.sha256()
								+ "; a chunk was corrupted or sent in the wrong place. Start again.");
			}
			return this.catalog.ingest(ownerOf(row, user), spooled, row.name(), row.description());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Could not assemble upload " + id + ": " + ex.getMessage(), ex);
		}
		finally {
			discard(id, chunks);
		}
	}

	/**
	 * Abandons an upload, deleting its chunks.
	 * @param user the caller
	 * @param id upload id
	 */
	public void abort(CurrentUser user, UUID id) {
		DataSetCatalog.requireWriter(user);
		find(user, id);
		discard(id, this.repository.chunks(id));
	}

	/** Discards uploads idle longer than {@code physforge.data.upload-expiry}. */
	@Scheduled(fixedDelayString = "${physforge.data.upload-sweep:PT10M}", initialDelayString = "PT1M")
	public void discardExpired() {
		for (UUID id : this.repository.idleSince(Instant.now().minus(this.properties.uploadExpiry()))) {
			log.info("Discarding expired upload {}", id);
			discard(id, this.repository.chunks(id));
		}
	}

	private void discard(UUID id, List<ChunkRow> chunks) {
		this.repository.delete(id);
		for (ChunkRow chunk : chunks) {
			deleteQuietly(chunk.key());
		}
	}

	private void deleteQuietly(String key) {
		try {
			this.storage.delete(DataSet.BUCKET, key);
		}
		catch (RuntimeException ex) {
			log.error("Could not delete chunk object {}/{}; it is left behind: {}", DataSet.BUCKET, key, ex.toString());
		}
	}

	private Enumeration<InputStream> lazily(List<ChunkRow> chunks) {
		Iterator<ChunkRow> it = chunks.iterator();
		return new Enumeration<>() {

			@Override
			public boolean hasMoreElements() {
				return it.hasNext();
			}

			@Override
			public InputStream nextElement() {
				return Uploads.this.storage.get(DataSet.BUCKET, it.next().key());
			}

		};
	}

	private UploadRow find(CurrentUser user, UUID id) {
		return this.repository.find(id, user.isAdmin() ? null : user.id())
			.orElseThrow(() -> ProblemException.notFound("upload", id));
	}

	private static CurrentUser ownerOf(UploadRow row, CurrentUser caller) {
		return row.owner().equals(caller.id()) ? caller
				: new CurrentUser(row.owner(), null, java.util.Set.of(io.physforge.platform.security.Roles.RESEARCHER));
	}

	private static int chunkCount(UploadRow row) {
		return (int) ((row.size() + row.chunkSize() - 1) / row.chunkSize());
	}

	private UploadSession session(UploadRow row, List<ChunkRow> chunks) {
		int count = chunkCount(row);
		boolean[] have = new boolean[count];
		List<Integer> received = new ArrayList<>();
		long bytes = 0;
		List<long[]> ranges = new ArrayList<>();
		for (ChunkRow chunk : chunks) {
			have[chunk.index()] = true;
			received.add(chunk.index());
			bytes += chunk.size();
			long start = chunk.index() * row.chunkSize();
			long end = start + chunk.size();
			if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == start) {
				ranges.get(ranges.size() - 1)[1] = end;
			}
			else {
				ranges.add(new long[] { start, end });
			}
		}
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (!have[i]) {
				missing.add(i);
			}
		}
		return new UploadSession(row.id(), row.name(), row.description(), row.filename(), row.size(), row.chunkSize(),
				count, row.sha256(), received, missing, bytes, ranges, row.createdAt(),
				row.updatedAt().plus(this.properties.uploadExpiry()));
	}

	private static String abbreviate(List<Integer> indexes) {
		return (indexes.size() <= 20) ? indexes.toString()
				: indexes.subList(0, 20).toString().replace("]", ", ... (" + indexes.size() + " in all)]");
	}

}
