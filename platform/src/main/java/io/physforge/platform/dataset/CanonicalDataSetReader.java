package io.physforge.platform.dataset;

import java.util.List;
import java.util.UUID;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.ReadOptions;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;

/**
 * Reads a data set's canonical form (NPZ or HDF5 written by data-service with
 * physics-core's {@code DataSets.write}) from bucket {@code datasets}: downloaded to a
 * temporary file (the readers need random access), read, and the file deleted. User
 * formats are never parsed here. Each service that computes on data sets (pinn-training,
 * derivative, pde-discovery) makes one as a bean; it needs physics-core on the class path
 * (an optional dependency of platform).
 */
public class CanonicalDataSetReader {

	/** The bucket of data sets. */
	public static final String BUCKET = "datasets";

	private final ObjectStorage storage;

	private final String tempPrefix;

	/**
	 * A reader.
	 * @param storage the object storage
	 * @param service the service's short name, the prefix of its temporary files
	 */
	public CanonicalDataSetReader(ObjectStorage storage, String service) {
		this.storage = storage;
		this.tempPrefix = "physforge-" + service + "-";
	}

	/**
	 * The canonical form's key of a job: its payload's {@code datasetObjectKey}, else the
	 * first upstream result stored in bucket {@code datasets}.
	 * @param datasetObjectKey the payload's key, may be {@code null} or blank
	 * @param inputs the payload's upstream results
	 * @return the key, {@code null} when the job names none ({@link #read} then says so)
	 */
	public static String objectKey(String datasetObjectKey, List<JobInput> inputs) {
		if (datasetObjectKey != null && !datasetObjectKey.isBlank()) {
			return datasetObjectKey.trim();
		}
		return JobInput.firstKeyIn(inputs, BUCKET);
	}

	/**
	 * Describes a canonical form for provenance and messages.
	 * @param datasetId the data set (may be {@code null})
	 * @param objectKey its canonical form's key
	 * @return e.g. {@code data set 6f1c... (canonical form datasets/<key>)}
	 */
	public static String describe(UUID datasetId, String objectKey) {
		return "data set " + ((datasetId != null) ? datasetId + " " : "") + "(canonical form " + BUCKET + "/"
				+ objectKey + ")";
	}

	/**
	 * Reads a canonical form.
	 * @param datasetId the data set, for messages (may be {@code null})
	 * @param objectKey its canonical form's key in bucket {@code datasets} (from
	 * {@link #objectKey}), {@code null} when the job names none
	 * @return the field
	 * @throws BadDataSetException when the job names no object, or the object is missing
	 * or not a canonical form
	 */
	public Field read(UUID datasetId, String objectKey) {
		if (objectKey == null) {
			throw new BadDataSetException("the job names no canonical form of data set " + datasetId
					+ ": the payload needs 'datasetObjectKey' (the key in bucket " + BUCKET
					+ " that data-service stored the canonical form under), or an input whose result location is s3://"
					+ BUCKET + "/<key>");
		}
		String what = describe(datasetId, objectKey);
		try {
			return this.storage.readViaTemporaryFile(BUCKET, objectKey, this.tempPrefix, (file) -> {
				DataFormat format = DataSets.detect(file);
				if (format != DataFormat.NPZ && format != DataFormat.HDF5 && format != DataFormat.NETCDF4) {
					throw new BadDataSetException(what + " is " + format.description()
							+ ", not a canonical form (NPZ or HDF5 written by data-service); upload the data set again");
				}
				return DataSets.read(file, ReadOptions.of(format));
			});
		}
		catch (ObjectNotFoundException ex) {
			throw new BadDataSetException("the " + what
					+ " does not exist in storage: the data set was deleted, or the job names the wrong object. "
					+ "Upload the data set again and run the pipeline on the new one");
		}
		catch (InvalidDataException ex) {
			String location = ex.location().isEmpty() ? "" : " (" + ex.location() + ")";
			throw new BadDataSetException(
					what + " is not a canonical form that can be read" + location + ": " + ex.problem()
							+ ". Upload the data set again; data-service writes the canonical form of every upload",
					ex);
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
