package io.physforge.data.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.LimitExceededException;
import io.physforge.core.io.ReadLimits;
import io.physforge.core.io.ReadOptions;
import io.physforge.data.DataProperties;
import io.physforge.data.dataset.internal.DataSetRepository;
import io.physforge.data.dataset.internal.FieldStatistics;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The data sets of the service: creates them from spooled uploads or in-memory fields,
 * finds, lists and deletes them, with the ownership rule (another user's data set is 404,
 * an ADMIN sees all) and the per-user quota applied here, once.
 *
 * <p>
 * Creating is all or nothing: the file is validated with the physics-core readers, then
 * the original and the canonical form are streamed to the {@code datasets} bucket, then
 * the row is inserted; when any step fails the objects stored so far are deleted.
 */
@Service
public class DataSetCatalog {

	private static final Logger log = LoggerFactory.getLogger(DataSetCatalog.class);

	/** Longest data set name. */
	public static final int MAX_NAME = 200;

	/** Longest description. */
	public static final int MAX_DESCRIPTION = 4000;

	private final DataSetRepository repository;

	private final ObjectStorage storage;

	private final Spooler spooler;

	private final DataProperties properties;

	private final DataSetEvents events;

	private final ReadLimits readLimits;

	public DataSetCatalog(DataSetRepository repository, ObjectStorage storage, Spooler spooler,
			DataProperties properties, DataSetEvents events, ReadLimits readLimits) {
		this.readLimits = readLimits;
		this.repository = repository;
		this.storage = storage;
		this.spooler = spooler;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Answers 403 unless the caller may create and delete data sets (RESEARCHER or
	 * ADMIN).
	 * @param user the caller
	 */
	public static void requireWriter(CurrentUser user) {
		if (!user.canWrite()) {
			throw ProblemException.forbidden("forbidden",
					"Creating and deleting data sets needs the RESEARCHER or ADMIN role; you have " + user.roles()
							+ ".");
		}
	}

	/**
	 * Validates a spooled upload and stores it as a new data set of the caller.
	 * @param owner the caller
	 * @param file the spooled upload (not closed here)
	 * @param name the name, or blank for the file name without extension
	 * @param description the description, may be {@code null}
	 * @return the new data set
	 * @throws ProblemException 422 with the reader's message when the file is not a
	 * readable data set, 413 when it would exceed the caller's quota or declares or
	 * inflates to more than the read limits
	 */
	public DataSet ingest(CurrentUser owner, SpooledFile file, String name, String description) {
		requireWriter(owner);
		String checkedName = checkName(name, file.filename());
		String checkedDescription = checkDescription(description);
		this.spooler.checkSize(file.size());
		checkQuota(owner.id(), file.size());
		DataFormat format;
		Field field;
		try {
			format = DataSets.detect(file.path());
			field = DataSets.read(file.path(), ReadOptions.DEFAULTS, this.readLimits);
		}
		catch (LimitExceededException ex) {
			throw overLimit(file.filename(), ex);
		}
		catch (InvalidDataException ex) {
			throw invalid(file.filename(), ex);
		}
		catch (RuntimeException ex) {
			log.info("Reader failed on upload {}: {}", file.filename(), ex.toString());
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-dataset", "Invalid data set",
					file.filename() + ": the file could not be read as a data set (" + ex.getMessage()
							+ "). Fix: check that the file is complete and in one of the formats "
							+ List.of(DataFormat.values()) + ".");
		}
		return store(owner, field, new Original(file.path(), file.filename(), file.size(), file.sha256(), format),
				DataSet.UPLOAD, checkedName, checkedDescription, Map.of());
	}

	/**
	 * Stores a field made in this service (a simulation) as a new data set of the caller;
	 * its canonical form is also its original.
	 * @param owner the caller
	 * @param field the field
	 * @param name the name
	 * @param description the description, may be {@code null}
	 * @param provenance how the field was made
	 * @return the new data set
	 */
	public DataSet register(CurrentUser owner, Field field, String name, String description,
			Map<String, Object> provenance) {
		requireWriter(owner);
		return store(owner, field, null, DataSet.SIMULATION, checkName(name, "dataset"), checkDescription(description),
				provenance);
	}

	/**
	 * A data set the caller may see.
	 * @param user the caller
	 * @param id the id
	 * @return the data set
	 * @throws ProblemException 404 when it does not exist or is another user's
	 */
	public DataSet get(CurrentUser user, UUID id) {
		return this.repository.find(id, user.isAdmin() ? null : user.id())
			.orElseThrow(() -> ProblemException.notFound("dataset", id));
	}

	/**
	 * One page of the data sets the caller may see, newest first.
	 * @param user the caller
	 * @param filter the filter; its owner is replaced by the caller's id unless the
	 * caller is an ADMIN
	 * @param page page from 0
	 * @param size 1 to 100
	 * @return the page
	 */
	public DataSetPage list(CurrentUser user, DataSetFilter filter, int page, int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw ProblemException.badRequest("validation",
					"page must be >= 0 and size between 1 and 100; got page=" + page + ", size=" + size + ".");
		}
		DataSetFilter scoped = user.isAdmin() ? filter
				: new DataSetFilter(user.id(), filter.nameContains(), filter.format(), filter.source());
		long total = this.repository.count(scoped);
		List<DataSet> items = this.repository.list(scoped, page, size);
		return new DataSetPage(items, page, size, total, (int) ((total + size - 1) / size));
	}

	/**
	 * Deletes a data set: its row, then its objects.
	 * @param user the caller
	 * @param id the id
	 */
	public void delete(CurrentUser user, UUID id) {
		requireWriter(user);
		DataSet dataSet = get(user, id);
		if (!this.events.deleted(dataSet, () -> this.repository.delete(id))) {
			throw ProblemException.notFound("dataset", id);
		}
		deleteObjects(objectKeys(dataSet));
	}

	/**
	 * Opens the original (the canonical form for a simulation); the caller closes it.
	 * @param dataSet the data set
	 * @return its bytes
	 */
	public InputStream openOriginal(DataSet dataSet) {
		return this.storage.get(DataSet.BUCKET, originalKey(dataSet));
	}

	/**
	 * Opens the canonical form; the caller closes it.
	 * @param dataSet the data set
	 * @return its bytes
	 */
	public InputStream openCanonical(DataSet dataSet) {
		return this.storage.get(DataSet.BUCKET, dataSet.canonicalKey());
	}

	/**
	 * A presigned GET URL of the original or the canonical form.
	 * @param dataSet the data set
	 * @param canonical whether to sign the canonical form
	 * @return the URL, valid for {@code physforge.data.presign-expiry}
	 */
	public URI presign(DataSet dataSet, boolean canonical) {
		return this.storage.presignedGet(DataSet.BUCKET, canonical ? dataSet.canonicalKey() : originalKey(dataSet),
				this.properties.presignExpiry());
	}

	/**
	 * Reads the canonical form back into a field (through a temporary file: the readers
	 * need random access).
	 * @param dataSet the data set
	 * @return its field
	 */
	public Field readCanonical(DataSet dataSet) {
		Path tmp = this.spooler
			.newTempFile("canonical." + DataFormat.valueOf(dataSet.canonicalFormat()).extensions().get(0));
		try {
			try (InputStream in = openCanonical(dataSet)) {
				Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return DataSets.read(tmp, ReadOptions.DEFAULTS, this.readLimits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the canonical form of " + dataSet.id(), ex);
		}
		finally {
			Spooler.deleteQuietly(tmp);
		}
	}

	/**
	 * Answers 413 when storing {@code additional} more bytes would exceed the owner's
	 * quota.
	 * @param owner owner id
	 * @param additional bytes to be stored
	 */
	public void checkQuota(String owner, long additional) {
		long quota = this.properties.quota().toBytes();
		long used = this.repository.storedBytes(owner);
		if (used + additional > quota) {
			throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "quota-exceeded", "Storage quota exceeded",
					"Storing " + additional + " more bytes would exceed your quota: you use " + used + " of " + quota
							+ " bytes (physforge.data.quota). Delete data sets you no longer need, or ask "
							+ "an administrator for a larger quota.")
				.with("quotaBytes", quota)
				.with("usedBytes", used)
				.with("requestedBytes", additional);
		}
	}

	private DataSet store(CurrentUser owner, Field field, Original original, String source, String name,
			String description, Map<String, Object> provenance) {
		DataFormat canonicalFormat = this.properties.canonicalFormat();
		Path canonical = this.spooler.newTempFile("canonical." + canonicalFormat.extensions().get(0));
		List<String> stored = new ArrayList<>();
		try {
			DataSets.write(field, canonical, canonicalFormat);
			long canonicalSize = Files.size(canonical);
			String canonicalSha = (original != null) ? null : sha256(canonical);
			checkQuota(owner.id(), canonicalSize + ((original != null) ? original.size : 0));
			String originalKey = null;
			if (original != null) {
				originalKey = put(original.path, original.size, contentType(original.format), stored);
			}
			String canonicalKey = put(canonical, canonicalSize, contentType(canonicalFormat), stored);
			DataSet dataSet = new DataSet(UUID.randomUUID(), name, description, owner.id(), source,
					(original != null) ? original.format.name() : canonicalFormat.name(),
					(original != null) ? original.filename : null, field.fieldNames(),
					FieldStatistics.coordinates(field), FieldStatistics.shape(field),
					FieldStatistics.valueRanges(field), (original != null) ? original.size : canonicalSize,
					(original != null) ? original.sha256 : canonicalSha, canonicalFormat.name(), canonicalSize,
					provenance, Instant.now().truncatedTo(ChronoUnit.MICROS), originalKey, canonicalKey);
			this.events.uploaded(dataSet, () -> this.repository.insert(dataSet));
			stored.clear();
			return dataSet;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the canonical form: " + ex.getMessage(), ex);
		}
		finally {
			deleteObjects(stored);
			Spooler.deleteQuietly(canonical);
		}
	}

	private String put(Path file, long size, String contentType, List<String> stored) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			StoredObject object = this.storage.put(DataSet.BUCKET, in, size, contentType);
			stored.add(object.key());
			return object.key();
		}
	}

	private void deleteObjects(List<String> keys) {
		for (String key : keys) {
			try {
				this.storage.delete(DataSet.BUCKET, key);
			}
			catch (RuntimeException ex) {
				log.error("Could not delete object {}/{}; it is left behind: {}", DataSet.BUCKET, key, ex.toString());
			}
		}
	}

	private static List<String> objectKeys(DataSet dataSet) {
		List<String> keys = new ArrayList<>();
		if (dataSet.originalKey() != null) {
			keys.add(dataSet.originalKey());
		}
		keys.add(dataSet.canonicalKey());
		return keys;
	}

	private static String originalKey(DataSet dataSet) {
		return (dataSet.originalKey() != null) ? dataSet.originalKey() : dataSet.canonicalKey();
	}

	/**
	 * The content type a format is stored and downloaded with.
	 * @param format a format
	 * @return its media type
	 */
	public static String contentType(DataFormat format) {
		return switch (format) {
			case CSV -> "text/csv";
			case HDF5, NETCDF4 -> "application/x-hdf5";
			case NETCDF3 -> "application/x-netcdf";
			case NPZ -> "application/zip";
			case NPY -> "application/x-npy";
			case MATLAB -> "application/x-matlab-data";
		};
	}

	private static ProblemException overLimit(String filename, LimitExceededException ex) {
		String detail = new InvalidDataException(Path.of(filename), ex.location(), ex.problem(), ex.fix()).getMessage();
		ProblemException problem = new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "read-limit-exceeded",
				"Data set over the read limits", detail)
			.with("problem", ex.problem())
			.with("fix", ex.fix())
			.with("limit", ex.setting())
			.with("limitValue", ex.limit());
		return ex.location().isEmpty() ? problem : problem.with("location", ex.location());
	}

	private static ProblemException invalid(String filename, InvalidDataException ex) {
		String detail = new InvalidDataException(Path.of(filename), ex.location(), ex.problem(), ex.fix()).getMessage();
		ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-dataset",
				"Invalid data set", detail)
			.with("problem", ex.problem())
			.with("fix", ex.fix());
		return ex.location().isEmpty() ? problem : problem.with("location", ex.location());
	}

	private static String checkName(String name, String filename) {
		String result = name;
		if (result == null || result.isBlank()) {
			int dot = filename.lastIndexOf('.');
			result = (dot > 0) ? filename.substring(0, dot) : filename;
		}
		result = result.strip();
		if (result.length() > MAX_NAME) {
			throw ProblemException.badRequest("validation",
					"name has " + result.length() + " characters; at most " + MAX_NAME + " are allowed.");
		}
		return result;
	}

	private static String checkDescription(String description) {
		String result = (description != null) ? description.strip() : "";
		if (result.length() > MAX_DESCRIPTION) {
			throw ProblemException.badRequest("validation",
					"description has " + result.length() + " characters; at most " + MAX_DESCRIPTION + " are allowed.");
		}
		return result;
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = Spooler.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private record Original(Path path, String filename, long size, String sha256, DataFormat format) {

	}

}
