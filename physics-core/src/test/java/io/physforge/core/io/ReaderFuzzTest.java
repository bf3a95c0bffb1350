package io.physforge.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of every file reader (Jazzer): whatever the bytes, a read
 * either succeeds or throws the documented {@link InvalidDataException}; anything else
 * (an {@code Error}, another runtime exception) fails the test. Small read limits keep
 * each input cheap. {@code ./mvnw verify} replays the kept corpus under
 * {@code src/test/resources/io/physforge/core/io/ReaderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} a test fuzzes for its {@code maxDuration}.
 */
class ReaderFuzzTest {

	private static final ReadLimits SMALL = ReadLimits.builder()
		.maxValuesPerArray(1 << 16)
		.maxTotalValues(1 << 18)
		.maxEntryBytes(1 << 20)
		.maxTotalBytes(4 << 20)
		.maxCsvColumns(64)
		.maxLineLength(1 << 14)
		.build();

	@FuzzTest(maxDuration = "10s")
	void npz(byte[] data) {
		read(data, ".npz", DataFormat.NPZ);
	}

	@FuzzTest(maxDuration = "10s")
	void csv(byte[] data) {
		read(data, ".csv", DataFormat.CSV);
	}

	@FuzzTest(maxDuration = "10s")
	void hdf5(byte[] data) {
		read(data, ".h5", DataFormat.HDF5);
	}

	@FuzzTest(maxDuration = "10s")
	void netcdf3(byte[] data) {
		read(data, ".nc", DataFormat.NETCDF3);
	}

	@FuzzTest(maxDuration = "10s")
	void mat(byte[] data) {
		read(data, ".mat", DataFormat.MATLAB);
	}

	private static void read(byte[] data, String extension, DataFormat format) {
		Path file = null;
		try {
			file = Files.createTempFile("fuzz", extension);
			Files.write(file, data);
			DataSets.read(file, ReadOptions.of(format), SMALL);
		}
		catch (InvalidDataException ex) {
			// the documented format error
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// best effort
				}
			}
		}
	}

}
