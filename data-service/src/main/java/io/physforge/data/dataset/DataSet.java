package io.physforge.data.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A stored data set as the API shows it.
 *
 * @param id the data set id
 * @param name its name
 * @param description free text, may be empty
 * @param owner id of the user who created it (the token subject)
 * @param source {@code UPLOAD} or {@code SIMULATION}
 * @param format format of the original ({@code HDF5}, {@code CSV}, ...; for a simulation
 * the canonical format)
 * @param originalFilename file name of the upload, {@code null} for a simulation
 * @param fields field names in field order
 * @param coordinates the axes in canonical order ({@code t, x, y, z})
 * @param shape points per axis
 * @param valueRanges statistics of each field
 * @param byteSize size of the original in bytes
 * @param sha256 SHA-256 of the original, lower-case hex
 * @param canonicalFormat format of the canonical form workers read
 * @param canonicalSize size of the canonical form in bytes
 * @param provenance how it was made (for simulations: equation, parameters, settings,
 * noise, seed, versions)
 * @param createdAt when it was stored
 * @param originalKey storage key of the original, {@code null} for a simulation
 * @param canonicalKey storage key of the canonical form
 */
public record DataSet(UUID id, String name, String description, String owner, String source, String format,
		String originalFilename, List<String> fields, List<Coordinate> coordinates, List<Integer> shape,
		Map<String, ValueRange> valueRanges, long byteSize, String sha256, String canonicalFormat, long canonicalSize,
		Map<String, Object> provenance, Instant createdAt, @JsonIgnore String originalKey,
		@JsonIgnore String canonicalKey) {

	/** Source of an uploaded data set. */
	public static final String UPLOAD = "UPLOAD";

	/** Source of a data set made by a built-in simulator. */
	public static final String SIMULATION = "SIMULATION";

	/** The bucket holding originals, canonical forms and upload chunks. */
	public static final String BUCKET = "datasets";

	/**
	 * One axis of the grid.
	 *
	 * @param name canonical axis name
	 * @param size number of points
	 * @param min first coordinate
	 * @param max last coordinate
	 * @param uniform whether the points are equally spaced
	 * @param spacing the spacing when uniform, else {@code null}
	 */
	public record Coordinate(String name, int size, double min, double max, boolean uniform, Double spacing) {

	}

	/**
	 * Statistics of one field's values.
	 *
	 * @param min smallest finite value
	 * @param max largest finite value
	 * @param mean mean of the finite values
	 * @param std standard deviation of the finite values
	 * @param nonFinite number of NaN or infinite values
	 */
	public record ValueRange(double min, double max, double mean, double std, long nonFinite) {

	}

}
