package io.physforge.core.io;

import java.util.List;
import java.util.Locale;

/** The file formats {@link DataSets} reads; see each constant for what is written. */
public enum DataFormat {

	/** Long-form comma (or tab/semicolon) separated text: one row per grid point. */
	CSV("CSV text", List.of("csv", "tsv", "txt"), true),

	/** HDF5 ({@code \211HDF\r\n\032\n} signature). */
	HDF5("HDF5", List.of("h5", "hdf5", "hdf", "he5"), true),

	/** NetCDF-3 classic or 64-bit offset ({@code CDF\001}, {@code CDF\002}). */
	NETCDF3("NetCDF-3", List.of("nc", "nc3", "cdf", "netcdf"), true),

	/** NetCDF-4: HDF5 with netCDF dimension scales. Read only. */
	NETCDF4("NetCDF-4", List.of("nc", "nc4", "netcdf", "h5", "hdf5"), false),

	/** A single NumPy array ({@code \223NUMPY}). Read only (it holds no coordinates). */
	NPY("NumPy .npy", List.of("npy"), false),

	/** A zip archive of NumPy arrays, as written by {@code numpy.savez}. */
	NPZ("NumPy .npz", List.of("npz"), true),

	/** MATLAB MAT-file v5, v7 (compressed) or v7.3 (HDF5-based). Read only. */
	MATLAB("MATLAB .mat", List.of("mat"), false);

	private final String description;

	private final List<String> extensions;

	private final boolean writable;

	DataFormat(String description, List<String> extensions, boolean writable) {
		this.description = description;
		this.extensions = extensions;
		this.writable = writable;
	}

	/** A human name such as {@code "NetCDF-3"}. */
	public String description() {
		return this.description;
	}

	/** File extensions (lower case, no dot) this format is commonly saved under. */
	public List<String> extensions() {
		return this.extensions;
	}

	/**
	 * Whether {@link DataSets#write(io.physforge.core.field.Field, java.nio.file.Path)}
	 * can write it.
	 */
	public boolean writable() {
		return this.writable;
	}

	/**
	 * The format named by a CLI string: a constant name in any case ({@code "hdf5"},
	 * {@code "netcdf3"}) or a file extension ({@code "h5"}, {@code "nc"}, {@code "mat"}).
	 * @throws IllegalArgumentException listing the accepted names
	 */
	public static DataFormat parse(String name) {
		String n = name.trim().toLowerCase(Locale.ROOT);
		if (n.startsWith(".")) {
			n = n.substring(1);
		}
		for (DataFormat f : values()) {
			if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
				return f;
			}
		}
		if (n.equals("netcdf") || n.equals("nc")) {
			return NETCDF3;
		}
		for (DataFormat f : values()) {
			if (f.extensions.contains(n)) {
				return f;
			}
		}
		throw new IllegalArgumentException("unknown data format '" + name
				+ "'; use one of csv, hdf5, netcdf3, netcdf4, npy, npz, matlab (or an extension such as h5, nc, mat)");
	}

}
