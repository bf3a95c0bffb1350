package io.physforge.pinntraining.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.ReadOptions;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * Reads a data set's canonical form (NPZ or HDF5 written by data-service with
 * physics-core's {@code DataSets.write}) from bucket {@code datasets}: downloaded to a
 * temporary file (the readers need random access), read, and the file deleted. User
 * formats are never parsed here.
 */
@Component
public class DataSetReader {

	/** The bucket of data sets. */
	public static final String BUCKET = "datasets";

	private final ObjectStorage storage;

	public DataSetReader(ObjectStorage storage) {
		this.storage = storage;
	}

	/**
	 * Reads a canonical form.
	 * @param datasetId the data set, for messages (may be {@code null})
	 * @param objectKey its canonical form's key in bucket {@code datasets}
	 * @return the field
	 * @throws BadDataSetException when the object is missing or not a canonical form
	 */
	public Field read(UUID datasetId, String objectKey) {
		String what = "data set " + ((datasetId != null) ? datasetId + " " : "") + "(object " + BUCKET + "/" + objectKey
				+ ")";
		Path file;
		try {
			file = Files.createTempFile("physforge-pinn-", ".canonical");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a temporary file for " + what + ": " + ex.getMessage(), ex);
		}
		try {
			try (InputStream in = this.storage.get(BUCKET, objectKey)) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (ObjectNotFoundException ex) {
				throw new BadDataSetException("the canonical form of " + what
						+ " does not exist in storage: the data set was deleted, or the job names the wrong object. "
						+ "Upload the data set again and run the pipeline on the new one");
			}
			DataFormat format = DataSets.detect(file);
			if (format != DataFormat.NPZ && format != DataFormat.HDF5 && format != DataFormat.NETCDF4) {
				throw new BadDataSetException(what + " is " + format.description()
						+ ", not a canonical form (NPZ or HDF5 written by data-service); upload the data set again");
			}
			return DataSets.read(file, ReadOptions.of(format));
		}
		catch (InvalidDataException ex) {
			String location = ex.location().isEmpty() ? "" : " (" + ex.location() + ")";
			throw new BadDataSetException(
					what + " is not a canonical form that can be read" + location + ": " + ex.problem()
							+ ". Upload the data set again; data-service writes the canonical form of every upload",
					ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot download " + what + ": " + ex.getMessage(), ex);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a leftover temporary file is harmless
			}
		}
	}

	/**
	 * The data of a job cannot be used: a missing object or one that is not a canonical
	 * form.
	 */
	public static class BadDataSetException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		BadDataSetException(String message) {
			super(message);
		}

		BadDataSetException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
