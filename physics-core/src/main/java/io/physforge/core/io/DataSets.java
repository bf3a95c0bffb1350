package io.physforge.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.physforge.core.field.Field;
import io.physforge.core.io.internal.FormatDetector;
import io.physforge.core.io.internal.Readers;
import io.physforge.core.io.internal.Writers;

/**
 * Reads and writes data sets. Reading detects the format from the content, checks it
 * against the extension, finds coordinates by name ({@code t/tt/time}, {@code x}, ...)
 * and returns every array shaped like the grid as a field, in canonical axis order
 * {@code t, x, y, z}.
 *
 * <p>
 * Field names: arrays keep their names, except PDE-FIND's {@code usol}/{@code uu} which
 * become {@code u}; a single complex field {@code psi} becomes {@code u} (real part) and
 * {@code v} (imaginary part), {@code psi = u + i v}; a complex array whose imaginary part
 * is round-off (at most 1e-4 of the real part) is read as real. {@link ReadOptions}
 * overrides any of this.
 *
 * <p>
 * Memory: binary formats are decoded straight into one {@code double[]} per array (plus
 * one transposed copy when the file's axis order is not canonical); CSV is streamed into
 * columns that become the field arrays in place when the rows are in grid order.
 */
public final class DataSets {

	private DataSets() {
	}

	/** Reads a data set with default options. */
	public static Field read(Path file) {
		return read(file, ReadOptions.DEFAULTS);
	}

	/**
	 * Reads a data set.
	 * @throws InvalidDataException for anything wrong with the file, naming file,
	 * location, problem and fix
	 */
	public static Field read(Path file, ReadOptions options) {
		return read(file, options, ReadLimits.DEFAULTS);
	}

	/**
	 * Reads a data set within limits, checked before anything is allocated.
	 * @throws InvalidDataException for anything wrong with the file, naming file,
	 * location, problem and fix; a {@link LimitExceededException} when the file declares
	 * or inflates to more than the limits allow
	 */
	public static Field read(Path file, ReadOptions options, ReadLimits limits) {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(limits, "limits");
		DataFormat actual = detect(file);
		if (options.format() == null) {
			FormatDetector.checkExtension(file, actual);
		}
		else if (options.format() != actual && !(compatible(options.format(), actual))) {
			throw new InvalidDataException(file, "",
					"the format " + options.format().description() + " was requested but the content is really "
							+ actual.description(),
					"drop the format option or pass --format " + actual.name().toLowerCase(Locale.ROOT));
		}
		return Readers.read(file, actual, options, limits);
	}

	/**
	 * Reads an NPZ whose arrays carry canonical term names such as {@code u_t} or
	 * {@code u_xx} (a derivative feature set): the reader does not take those as field
	 * names on its own, so each is mapped from a placeholder field name and renamed
	 * after.
	 * @param file the NPZ
	 * @param names the arrays to read, in the order wanted
	 * @return a field with one array per name
	 * @throws InvalidDataException for anything wrong with the file
	 */
	public static Field readNamedArrays(Path file, List<String> names) {
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			mapping.put("f" + i, names.get(i));
		}
		Field placeholders = read(file, new ReadOptions(DataFormat.NPZ, Map.of(), mapping, List.of(), List.of()));
		Map<String, double[]> values = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			values.put(names.get(i), placeholders.values("f" + i));
		}
		return new Field(placeholders.grid(), values);
	}

	/**
	 * The format of a file's content (magic bytes), whatever its extension.
	 * @throws InvalidDataException for a missing, empty or unrecognised file
	 */
	public static DataFormat detect(Path file) {
		return FormatDetector.detect(file);
	}

	/** Writes a data set in the format its extension names (.csv, .npz, .h5, .nc). */
	public static void write(Field field, Path file) {
		write(field, file, formatForWriting(file));
	}

	/**
	 * Writes a data set in the given format: to a temporary file beside the target, then
	 * moved into place, so a failed write leaves any existing file unchanged.
	 */
	public static void write(Field field, Path file, DataFormat format) {
		Objects.requireNonNull(field, "field");
		if (!format.writable()) {
			throw new IllegalArgumentException(
					format.description() + " files cannot be written; write .csv, .npz, .h5 or .nc");
		}
		Path dir = file.toAbsolutePath().getParent();
		Path tmp = null;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
			Files.delete(tmp);
			Writers.write(field, tmp, format);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				}
				catch (IOException ex) {
					// best effort
				}
			}
		}
	}

	private static DataFormat formatForWriting(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		String ext = name.substring(name.lastIndexOf('.') + 1);
		return switch (ext) {
			case "csv", "txt" -> DataFormat.CSV;
			case "npz" -> DataFormat.NPZ;
			case "h5", "hdf5", "hdf" -> DataFormat.HDF5;
			case "nc", "nc3", "cdf" -> DataFormat.NETCDF3;
			default -> throw new IllegalArgumentException(
					"cannot tell the format from the name '" + file.getFileName() + "'; use .csv, .npz, .h5 or .nc");
		};
	}

	private static boolean compatible(DataFormat requested, DataFormat actual) {
		return (requested == DataFormat.HDF5 && actual == DataFormat.NETCDF4)
				|| (requested == DataFormat.NETCDF4 && actual == DataFormat.HDF5)
				|| (requested == DataFormat.NETCDF3 && actual == DataFormat.NETCDF4);
	}

}
