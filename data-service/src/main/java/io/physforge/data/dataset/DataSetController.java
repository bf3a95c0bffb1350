package io.physforge.data.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.physforge.core.io.DataFormat;
import io.physforge.data.DataProperties;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/data/datasets}: upload (multipart), list, show, download, canonical form,
 * delete. Another user's data set answers 404; an ADMIN sees all.
 */
@RestController
@RequestMapping("/api/data/datasets")
public class DataSetController {

	/** Response header naming the format of a streamed file. */
	public static final String FORMAT_HEADER = "X-PhysForge-Format";

	/** Response header carrying the SHA-256 of a streamed original. */
	public static final String SHA256_HEADER = "X-PhysForge-SHA256";

	private final DataSetCatalog catalog;

	private final Spooler spooler;

	private final DataProperties properties;

	private final DataSetEvents events;

	public DataSetController(DataSetCatalog catalog, Spooler spooler, DataProperties properties, DataSetEvents events) {
		this.catalog = catalog;
		this.events = events;
		this.spooler = spooler;
		this.properties = properties;
	}

	/**
	 * Uploads a file as a new data set: spooled to disk while hashed, validated with the
	 * physics-core readers, stored (original and canonical form), then recorded.
	 * @param file the data file (CSV, HDF5, NetCDF, NPZ, MAT)
	 * @param name the name; the file name without extension when blank
	 * @param description free text
	 * @return 201 with the data set
	 * @throws IOException when the upload cannot be read
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public ResponseEntity<DataSet> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "description", required = false) String description) throws IOException {
		CurrentUser user = CurrentUser.get();
		DataSetCatalog.requireWriter(user);
		this.spooler.checkSize(file.getSize());
		try (InputStream in = file.getInputStream();
				SpooledFile spooled = this.spooler.spool(in, file.getOriginalFilename())) {
			DataSet dataSet = this.catalog.ingest(user, spooled, name, description);
			return ResponseEntity.created(URI.create("/api/data/datasets/" + dataSet.id())).body(dataSet);
		}
	}

	/**
	 * Lists the caller's data sets (an ADMIN's: everyone's), newest first.
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @param name case-insensitive part of the name
	 * @param format original format ({@code hdf5}, {@code csv}, {@code npz}, ...)
	 * @param source {@code upload} or {@code simulation}
	 * @param owner owner id (ADMIN only; others always see their own)
	 * @return the page
	 */
	@GetMapping
	public DataSetPage list(@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "20") int size,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "format", required = false) String format,
			@RequestParam(name = "source", required = false) String source,
			@RequestParam(name = "owner", required = false) String owner) {
		DataFormat parsedFormat = null;
		if (format != null && !format.isBlank()) {
			try {
				parsedFormat = DataFormat.parse(format);
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.badRequest("validation", "format: " + ex.getMessage());
			}
		}
		String parsedSource = null;
		if (source != null && !source.isBlank()) {
			parsedSource = source.strip().toUpperCase(java.util.Locale.ROOT);
			if (!DataSet.UPLOAD.equals(parsedSource) && !DataSet.SIMULATION.equals(parsedSource)) {
				throw ProblemException.badRequest("validation",
						"source must be 'upload' or 'simulation', got '" + source + "'.");
			}
		}
		return this.catalog.list(CurrentUser.get(), new DataSetFilter(owner, name, parsedFormat, parsedSource), page,
				size);
	}

	/**
	 * @param id data set id
	 * @return its metadata
	 */
	@GetMapping("/{id}")
	public DataSet show(@PathVariable("id") UUID id) {
		return this.catalog.get(CurrentUser.get(), id);
	}

	/**
	 * Streams the original file, or with {@code presigned=true} answers a presigned URL
	 * of it.
	 * @param id data set id
	 * @param presigned whether to answer a URL instead of the bytes
	 * @param response the response the bytes are written to
	 * @return the URL when presigned, else {@code null} (the body is written)
	 * @throws IOException when the client goes away
	 */
	@GetMapping("/{id}/download")
	public ResponseEntity<PresignedUrl> download(@PathVariable("id") UUID id,
			@RequestParam(name = "presigned", defaultValue = "false") boolean presigned, HttpServletResponse response)
			throws IOException {
		DataSet dataSet = this.catalog.get(CurrentUser.get(), id);
		this.events.downloaded(dataSet, "original", presigned);
		if (presigned) {
			return ResponseEntity.ok(presign(dataSet, false));
		}
		String filename = (dataSet.originalFilename() != null) ? dataSet.originalFilename()
				: dataSet.name() + "." + DataFormat.valueOf(dataSet.canonicalFormat()).extensions().get(0);
		String contentType = DataSetCatalog.contentType(DataFormat.valueOf(dataSet.format()));
		try (InputStream in = this.catalog.openOriginal(dataSet)) {
			response.setHeader(SHA256_HEADER, dataSet.sha256());
			stream(response, in, dataSet.byteSize(), contentType, filename, dataSet.format());
		}
		return null;
	}

	/**
	 * Streams the canonical form workers read ({@code NPZ} or {@code HDF5} written by
	 * physics-core {@code DataSets.write}), or with {@code presigned=true} answers a
	 * presigned URL of it. Owner or ADMIN only, like every endpoint.
	 * @param id data set id
	 * @param presigned whether to answer a URL instead of the bytes
	 * @param response the response the bytes are written to
	 * @return the URL when presigned, else {@code null} (the body is written)
	 * @throws IOException when the client goes away
	 */
	@GetMapping("/{id}/canonical")
	public ResponseEntity<PresignedUrl> canonical(@PathVariable("id") UUID id,
			@RequestParam(name = "presigned", defaultValue = "false") boolean presigned, HttpServletResponse response)
			throws IOException {
		DataSet dataSet = this.catalog.get(CurrentUser.get(), id);
		this.events.downloaded(dataSet, "canonical", presigned);
		if (presigned) {
			return ResponseEntity.ok(presign(dataSet, true));
		}
		DataFormat format = DataFormat.valueOf(dataSet.canonicalFormat());
		try (InputStream in = this.catalog.openCanonical(dataSet)) {
			stream(response, in, dataSet.canonicalSize(), DataSetCatalog.contentType(format),
					dataSet.id() + "." + format.extensions().get(0), format.name());
		}
		return null;
	}

	/**
	 * Deletes a data set: its row and its objects.
	 * @param id data set id
	 * @return 204
	 */
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable("id") UUID id) {
		this.catalog.delete(CurrentUser.get(), id);
		return ResponseEntity.noContent().build();
	}

	private PresignedUrl presign(DataSet dataSet, boolean canonical) {
		Instant expires = Instant.now().plus(this.properties.presignExpiry());
		return new PresignedUrl(this.catalog.presign(dataSet, canonical).toString(), expires);
	}

	private static void stream(HttpServletResponse response, InputStream in, long size, String contentType,
			String filename, String format) throws IOException {
		response.setStatus(200);
		response.setContentType(contentType);
		response.setContentLengthLong(size);
		response.setHeader(FORMAT_HEADER, format);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		OutputStream out = response.getOutputStream();
		in.transferTo(out);
		out.flush();
	}

	/**
	 * A presigned GET URL.
	 *
	 * @param url the URL; anyone holding it can download until it expires
	 * @param expiresAt when it expires
	 */
	public record PresignedUrl(String url, Instant expiresAt) {

	}

}
