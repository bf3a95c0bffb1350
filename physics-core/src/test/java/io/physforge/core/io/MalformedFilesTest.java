package io.physforge.core.io;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each file under {@code malformed/} (made by {@link MalformedFixtures}) is rejected with
 * an {@link InvalidDataException} naming the problem, where it is, and a fix.
 */
class MalformedFilesTest {

	private static final String CASES = """
			empty.csv | | the file is empty
			header_only.csv | line 1 | has a header [t, x, u] but no data rows
			ragged_row.csv | line 3 | the row has 2 cells but the header has 3 (ragged row)
			duplicate_point.csv | line 5 | duplicate grid point (t=0.0, x=1.0), first given on line 3
			missing_point.csv | | 1 of the 4 grid points of t[2] x x[2] are missing (ragged grid), for example the missing grid point t=1.0, x=1.0
			non_numeric.csv | line 3, column 'u' | the cell 'abc' is not a number
			empty_cell.csv | line 3, column 'u' | the cell is empty (missing value)
			nan_value.csv | line 4, column 'u' | the value 'NaN' is non-finite
			no_coordinates.csv | line 1 | no coordinate column in the header [a, b, c]
			no_field_column.csv | line 1 | no field column: every column of [t, x] is a coordinate
			wide_form.csv | line 1 | the first line holds numbers, not column names
			csv_content.h5 | | the extension '.h5' says HDF5 or NetCDF-4 but the content is really a CSV text file
			npz_content.csv | | the extension '.csv' says CSV text but the content is really a NumPy .npz file
			truncated.npz | | the file starts like NumPy .npz but is truncated or corrupt
			truncated.h5 | | the file starts like HDF5 but is truncated or corrupt
			truncated.nc | | the file starts like NetCDF-3 but is truncated or corrupt
			truncated_array.npz | array 'u' (u.npy) | is truncated: the header announces 6 values of 8 bytes but the data ends after 2 values
			corrupt_header.npz | array 'x' (x.npy) | is corrupt: it does not start with the .npy signature
			nonmonotonic_t.npz | array 't' (t.npy) | the coordinate t is not strictly increasing at index 2 (1.0 then 0.5)
			mismatched_lengths.npz | | has shape [3 x 5], which does not match the coordinate lengths (mismatched lengths)
			no_field.npz | | no field found: no array has the grid's shape t[3] x x[2]
			ambiguous_axes.npz | array 'u' (u.npy) | the axes t and x both have 3 points, and the file does not name its dimensions, so the axis order is ambiguous
			two_complex.npz | | found several field arrays [a.re, a.im, b.re, b.im] and some are complex
			string_array.npz | array 'u' (u.npy) | has data type '<U3', which is not a supported number type
			single_array.npy | | a .npy file holds a single array without coordinates
			unknown_format.bin | | the content is not a supported format (first bytes 7f454c4600010203)
			nan_field.h5 | field u | 1 of 6 values are missing or non-finite (NaN at t=0.0, x=2.0)
			ambiguous_names.h5 | | the arrays 'u' and 'usol' would both become the field 'u', which is ambiguous
			no_numbers.h5 | | the file holds no numeric arrays
			fill_value.nc | variable 'u' | 1 of 4 values are missing (equal to the fill value [-999.0])
			no_coordinates.mat | | no coordinate array found
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = CASES)
	void isRejectedWithAPreciseMessage(String file, String location, String problem) throws Exception {
		Path path = malformed().resolve(file);
		assertThatThrownBy(() -> DataSets.read(path)).isInstanceOfSatisfying(InvalidDataException.class, (ex) -> {
			assertThat(ex.file()).isEqualTo(path);
			assertThat(ex.location()).isEqualTo(location == null ? "" : location);
			assertThat(ex.problem()).contains(problem);
			assertThat(ex.fix()).isNotBlank();
			assertThat(ex.getMessage()).startsWith(path.toString()).contains(problem).contains(". Fix: ");
		});
	}

	@Test
	void everyFixtureHasACase() throws IOException, URISyntaxException {
		Set<String> covered = CASES.lines()
			.filter((l) -> !l.isBlank())
			.map((l) -> l.substring(0, l.indexOf('|')).trim())
			.collect(Collectors.toSet());
		try (Stream<Path> files = Files.list(malformed())) {
			Set<String> present = files.map((p) -> p.getFileName().toString())
				.filter((n) -> !n.equals("README.md"))
				.collect(Collectors.toSet());
			assertThat(present).hasSizeGreaterThanOrEqualTo(20).isEqualTo(covered);
		}
	}

	static Path malformed() throws URISyntaxException {
		return Path.of(MalformedFilesTest.class.getResource("/malformed/empty.csv").toURI()).getParent();
	}

}
