package io.physforge.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every PDE-FIND reference file loads, with the grid of the data set README, and all
 * formats of one data set give the same arrays: bit for bit for the binary formats,
 * within 1e-12 for the CSV (printed with 12 significant digits).
 */
class PdeFindDataSetsTest {

	static Stream<Arguments> dataSets() {
		return Stream.of(
				Arguments.of("burgers", List.of("burgers.csv", "burgers.h5", "burgers.mat", "burgers.nc"), 101, 256,
						-8.0, 0.0, 10.0, List.of("u")),
				Arguments.of("kdv", List.of("kdv.h5", "kdv.mat", "kdv.nc"), 201, 512, -30.0, 0.0, 20.0, List.of("u")),
				Arguments.of("kuramoto_sivashinsky",
						List.of("kuramoto_sivashinsky.h5", "kuramoto_sivashinsky.nc", "kuramoto_sivishinky.mat"), 251,
						1024, 32 * Math.PI / 1024, 0.0, 100.0, List.of("u")),
				Arguments.of("nls", List.of("nls.h5", "nls.mat", "nls.nc"), 501, 512, -5.0, 0.0, Math.PI,
						List.of("u", "v")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dataSets")
	void everyFormatGivesTheSameArrays(String name, List<String> others, int nt, int nx, double x0, double t0,
			double t1, List<String> fields) {
		Path dir = TestFiles.pdeFind();
		Field reference = DataSets.read(dir.resolve(name + ".npz"));
		assertThat(reference.grid().shape()).containsExactly(nt, nx);
		assertThat(reference.grid().axes()).extracting(Axis::name).containsExactly("t", "x");
		assertThat(reference.fieldNames()).isEqualTo(fields);
		assertThat(reference.grid().axis("x").at(0)).isCloseTo(x0, within(1e-9));
		assertThat(reference.grid().axis("t").at(0)).isCloseTo(t0, within(1e-12));
		assertThat(reference.grid().axis("t").at(nt - 1)).isCloseTo(t1, within(1e-9));
		assertThat(reference.grid().axis("x").isUniform()).isTrue();
		for (String other : others) {
			Field f = DataSets.read(dir.resolve(other));
			assertThat(f.grid().shape()).as(other).containsExactly(nt, nx);
			assertThat(f.fieldNames()).as(other).isEqualTo(fields);
			double tol = other.endsWith(".csv") ? 1e-12 : 0.0;
			for (String axis : List.of("t", "x")) {
				assertClose(other + " " + axis, f.grid().axis(axis).values(), reference.grid().axis(axis).values(),
						tol);
			}
			for (String field : fields) {
				assertClose(other + " " + field, f.values(field), reference.values(field), tol);
			}
		}
	}

	/**
	 * Bitwise equal when {@code tol == 0}, else every |difference| at most {@code tol}.
	 */
	static void assertClose(String what, double[] actual, double[] expected, double tol) {
		assertThat(actual).as(what).hasSameSizeAs(expected);
		if (tol == 0) {
			int mismatch = java.util.Arrays.mismatch(actual, expected);
			assertThat(mismatch).as(what + ": first differing flat index").isEqualTo(-1);
			return;
		}
		double worst = 0;
		for (int i = 0; i < actual.length; i++) {
			worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
		}
		assertThat(worst).as(what + ": largest difference").isLessThanOrEqualTo(tol);
	}

}
