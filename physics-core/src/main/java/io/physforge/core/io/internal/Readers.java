package io.physforge.core.io.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataFormat;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.ReadLimits;
import io.physforge.core.io.ReadOptions;

/** Opens a file of a known format and assembles its data set. */
public final class Readers {

	private Readers() {
	}

	public static Field read(Path file, DataFormat format, ReadOptions options, ReadLimits limits) {
		ReadBudget budget = new ReadBudget(file, limits);
		try {
			if (format == DataFormat.CSV) {
				return CsvReader.read(file, options, limits);
			}
			if (format == DataFormat.NPY) {
				throw new InvalidDataException(file, "",
						"a .npy file holds a single array without coordinates, so it is not a data set",
						"save the coordinates and fields together, for example numpy.savez('data.npz', t=t, x=x, u=u)");
			}
			try (ArraySource source = new LimitedSource(open(file, format, budget), budget)) {
				return FieldAssembler.assemble(file, source, options);
			}
		}
		catch (InvalidDataException ex) {
			throw ex;
		}
		catch (IOException | UncheckedIOException ex) {
			throw corrupt(file, format, ex);
		}
		catch (RuntimeException ex) {
			// the format libraries report damaged files with assorted runtime exceptions
			throw corrupt(file, format, ex);
		}
	}

	private static ArraySource open(Path file, DataFormat format, ReadBudget budget) throws IOException {
		return switch (format) {
			case HDF5, NETCDF4 -> new Hdf5Source(file);
			case MATLAB -> FormatDetector.hdf5SignatureOffset(file, new byte[0], java.nio.file.Files.size(file)) >= 0
					? new Hdf5Source(file) : matSource(file, budget);
			case NETCDF3 -> new NetcdfSource(file);
			case NPZ -> new NpzSource(file, budget);
			default -> throw new IllegalStateException("no array reader for " + format);
		};
	}

	private static ArraySource matSource(Path file, ReadBudget budget) throws IOException {
		MatBudgetCheck.check(file, budget);
		return new MatSource(file);
	}

	private static InvalidDataException corrupt(Path file, DataFormat format, Exception ex) {
		// the library's own words, without its exception class: the user needs what broke
		String reason = (ex.getMessage() == null || ex.getMessage().isBlank()) ? "the reader stopped unexpectedly"
				: ex.getMessage();
		return new InvalidDataException(file, "",
				"the file starts like " + format.description() + " but is truncated or corrupt (" + reason + ")",
				"the file was probably cut short or damaged in transfer; export or copy it again", ex);
	}

}
