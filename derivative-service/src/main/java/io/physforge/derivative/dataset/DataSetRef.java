package io.physforge.derivative.dataset;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's small copy of data-service's data set: what a feature set needs of it.
 *
 * @param id the data set id
 * @param owner its owner (token subject)
 * @param canonical where its canonical form is stored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSetRef(UUID id, String owner, Canonical canonical) {

	/**
	 * The canonical form (written by data-service; keys are made by the server).
	 *
	 * @param bucket the bucket, {@code datasets}
	 * @param key the object key
	 * @param format {@code NPZ} or {@code HDF5}
	 * @param size bytes
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Canonical(String bucket, String key, String format, long size) {

	}

}
