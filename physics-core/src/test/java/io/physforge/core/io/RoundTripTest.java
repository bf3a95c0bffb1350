package io.physforge.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every writer's output reads back to the same data set, bit for bit. */
class RoundTripTest {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "csv", "npz", "h5", "nc" })
	void threeDimensionalTwoFieldDataSetSurvivesEveryWriter(String ext) {
		Random random = new Random(42);
		double[] t = { 0.0, 0.1, 0.30000000000000004, 1.5 };
		double[] x = { -1.0, -0.25, 0.0, 1.0 / 3.0, 2.0 };
		double[] y = { 1e-300, 1e-10, 7.0 };
		Grid grid = Grid.of(new Axis("t", t), new Axis("x", x), new Axis("y", y));
		Map<String, double[]> values = new LinkedHashMap<>();
		for (String name : List.of("u", "v")) {
			double[] v = new double[grid.size()];
			for (int i = 0; i < v.length; i++) {
				v[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
			}
			values.put(name, v);
		}
		values.get("u")[0] = Double.MIN_VALUE;
		values.get("u")[1] = -Double.MAX_VALUE;
		Field original = new Field(grid, values);
		Path file = this.dir.resolve("data." + ext);
		DataSets.write(original, file);
		Field back = DataSets.read(file);
		assertSame(back, original);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "csv", "npz", "h5", "nc" })
	void nlsSurvivesEveryWriter(String ext) {
		Field nls = DataSets.read(TestFiles.pdeFind().resolve("nls.npz"));
		Path file = this.dir.resolve("nls." + ext);
		DataSets.write(nls, file);
		assertSame(DataSets.read(file), nls);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "csv", "npz", "h5", "nc" })
	void squareGridKeepsItsAxisOrder(String ext) {
		Grid grid = Grid.of(new Axis("t", new double[] { 0, 1, 2 }), new Axis("x", new double[] { 0, 1, 2 }),
				new Axis("y", new double[] { 5, 6, 7 }));
		double[] u = new double[27];
		for (int i = 0; i < u.length; i++) {
			u[i] = i;
		}
		Field f = Field.of(grid, "u", u);
		Path file = this.dir.resolve("square." + ext);
		DataSets.write(f, file);
		assertSame(DataSets.read(file), f);
	}

	@Test
	void oneDimensionalDataSetSurvivesTheCsvAndHdf5Writers() {
		Field f = Field.of(Grid.of(new Axis("x", new double[] { 0, 1, 2 })), "u", new double[] { 3, 4, 5 });
		for (String ext : List.of("csv", "h5", "npz", "nc")) {
			Path file = this.dir.resolve("line." + ext);
			DataSets.write(f, file);
			assertSame(DataSets.read(file), f);
		}
	}

	@Test
	void unknownTargetExtensionIsRejectedAndWritesNothing() throws Exception {
		Field f = Field.of(Grid.of(new Axis("x", new double[] { 0, 1 })), "u", new double[] { 3, 4 });
		assertThatThrownBy(() -> DataSets.write(f, this.dir.resolve("data.xlsx")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("use .csv, .npz, .h5 or .nc");
		assertThatThrownBy(() -> DataSets.write(f, this.dir.resolve("data.mat"), DataFormat.MATLAB))
			.hasMessageContaining("cannot be written");
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void rewritingReplacesTheFileAtomically() {
		Field a = Field.of(Grid.of(new Axis("x", new double[] { 0, 1 })), "u", new double[] { 3, 4 });
		Field b = Field.of(Grid.of(new Axis("x", new double[] { 0, 1, 2 })), "w", new double[] { 5, 6, 7 });
		Path file = this.dir.resolve("data.h5");
		DataSets.write(a, file);
		DataSets.write(b, file);
		assertSame(DataSets.read(file), b);
	}

	static void assertSame(Field actual, Field expected) {
		assertThat(actual.grid()).isEqualTo(expected.grid());
		assertThat(actual.fieldNames()).isEqualTo(expected.fieldNames());
		for (String name : expected.fieldNames()) {
			assertThat(java.util.Arrays.mismatch(actual.values(name), expected.values(name))).as(name).isEqualTo(-1);
		}
	}

}
