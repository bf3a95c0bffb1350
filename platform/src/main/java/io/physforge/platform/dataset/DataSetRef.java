package io.physforge.platform.dataset;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The services' small copy of data-service's data set: what a job needs of it.
 *
 * @param id the data set id
 * @param owner its owner (token subject)
 * @param fields field names in field order (empty when data-service shows none)
 * @param coordinates the axes in canonical order (empty when data-service shows none)
 * @param canonical where its canonical form is stored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSetRef(UUID id, String owner, List<String> fields, List<Coordinate> coordinates,
		Canonical canonical) {

	public DataSetRef {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		coordinates = (coordinates != null) ? List.copyOf(coordinates) : List.of();
	}

	/**
	 * @return the axis names in order ({@code [t, x]})
	 */
	public List<String> axes() {
		return this.coordinates.stream().map(Coordinate::name).toList();
	}

	/**
	 * One axis of the data set's grid.
	 *
	 * @param name canonical axis name
	 * @param size number of points
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Coordinate(String name, int size) {

	}

	/**
	 * The canonical form workers read (written by data-service; keys are made by the
	 * server, never by users).
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
