package io.physforge.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.physforge.core.field.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CLI option strings and what they change when reading. */
class ReadOptionsTest {

	private final Path data = TestFiles.pdeFind();

	@Test
	void parsesMappingsNamesAndLayout() {
		ReadOptions o = ReadOptions.parse("t=tt, x=x", "u=usol.re,v=usol.im", "x,t");
		assertThat(o.coordinates()).containsExactly(Map.entry("t", "tt"), Map.entry("x", "x"));
		assertThat(o.fields()).containsExactly(Map.entry("u", "usol.re"), Map.entry("v", "usol.im"));
		assertThat(o.fieldNames()).isEmpty();
		assertThat(o.layout()).containsExactly("x", "t");
		assertThat(o.format()).isNull();
		ReadOptions names = ReadOptions.parse(null, "u,v");
		assertThat(names.fieldNames()).containsExactly("u", "v");
		assertThat(names.fields()).isEmpty();
		assertThat(ReadOptions.parse("", " ")).isEqualTo(ReadOptions.DEFAULTS);
	}

	@Test
	void rejectsBadOptionStrings() {
		assertThatThrownBy(() -> ReadOptions.parse("time=tt", null)).hasMessageContaining("canonical axis");
		assertThatThrownBy(() -> ReadOptions.parse("t", null)).hasMessageContaining("is not NAME=FILE_NAME");
		assertThatThrownBy(() -> ReadOptions.parse(null, "u_x=a")).hasMessageContaining("marks derivatives");
		assertThatThrownBy(() -> ReadOptions.parse(null, "x=a")).hasMessageContaining("is an axis name");
		assertThatThrownBy(() -> ReadOptions.parse(null, "u,u")).hasMessageContaining("given twice");
		assertThatThrownBy(() -> ReadOptions.parse(null, null, "x,x")).hasMessageContaining("distinct canonical axes");
		assertThatThrownBy(() -> DataFormat.parse("xls")).hasMessageContaining("unknown data format");
		assertThat(DataFormat.parse("h5")).isEqualTo(DataFormat.HDF5);
		assertThat(DataFormat.parse("NetCDF")).isEqualTo(DataFormat.NETCDF3);
		assertThat(DataFormat.parse(".mat")).isEqualTo(DataFormat.MATLAB);
	}

	@Test
	void mapsComplexPartsToChosenNames() {
		Field f = DataSets.read(this.data.resolve("nls.mat"), ReadOptions.parse("t=t", "re=usol.re,im=usol.im"));
		Field reference = DataSets.read(this.data.resolve("nls.npz"));
		assertThat(f.fieldNames()).containsExactly("re", "im");
		assertThat(f.values("re")).isEqualTo(reference.values("u"));
		assertThat(f.values("im")).isEqualTo(reference.values("v"));
	}

	@Test
	void namesFoundFieldsInFileOrder() {
		Field f = DataSets.read(this.data.resolve("nls.mat"), ReadOptions.parse(null, "a,b"));
		assertThat(f.fieldNames()).containsExactly("a", "b");
		assertThatThrownBy(() -> DataSets.read(this.data.resolve("nls.npz"), ReadOptions.parse(null, "psi")))
			.isInstanceOf(InvalidDataException.class)
			.hasMessageContaining("found 2 field arrays [u, v] but --fields gives 1 names [psi]");
	}

	@Test
	void selectsOneFieldByMapping() {
		Field f = DataSets.read(this.data.resolve("nls.nc"), ReadOptions.parse(null, "w=v"));
		assertThat(f.fieldNames()).containsExactly("w");
		assertThat(f.values("w")).isEqualTo(DataSets.read(this.data.resolve("nls.npz")).values("v"));
	}

	@Test
	void explainsUnknownNamesAndComplexWithoutParts() {
		assertThatThrownBy(() -> DataSets.read(this.data.resolve("burgers.h5"), ReadOptions.parse(null, "u=usoll")))
			.isInstanceOfSatisfying(InvalidDataException.class, (ex) -> assertThat(ex.problem()).contains(
					"no dataset named 'usoll' (asked for as field u); the file has t [101], u [101 x 256], x [256]"));
		assertThatThrownBy(() -> DataSets.read(this.data.resolve("burgers.csv"), ReadOptions.parse("t=time", null)))
			.isInstanceOfSatisfying(InvalidDataException.class, (ex) -> {
				assertThat(ex.location()).isEqualTo("line 1");
				assertThat(ex.problem()).contains("no column named 'time' (asked for as coordinate t)");
			});
		assertThatThrownBy(() -> DataSets.read(this.data.resolve("nls.mat"), ReadOptions.parse(null, "u=usol")))
			.isInstanceOfSatisfying(InvalidDataException.class, (ex) -> {
				assertThat(ex.problem()).contains("the array is complex");
				assertThat(ex.fix()).contains("--fields u=usol.re,v=usol.im");
			});
		assertThatThrownBy(() -> DataSets.read(this.data.resolve("kdv.npz"), ReadOptions.parse(null, "v=u.im")))
			.isInstanceOfSatisfying(InvalidDataException.class,
					(ex) -> assertThat(ex.problem()).contains("the array is real; it has no imaginary part"));
	}

	@Test
	void layoutResolvesEqualAxisLengths() throws Exception {
		Path file = MalformedFilesTest.malformed().resolve("ambiguous_axes.npz");
		// u[i][j] = 3 i + j stored with the file's first dimension along x
		Field f = DataSets.read(file, ReadOptions.parse(null, null, "x,t"));
		assertThat(f.values("u")).containsExactly(0, 3, 6, 1, 4, 7, 2, 5, 8);
		Field g = DataSets.read(file, ReadOptions.DEFAULTS.withLayout(List.of("t", "x")));
		assertThat(g.values("u")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
	}

	@Test
	void forcedFormatSkipsTheExtensionCheckButNotTheContentCheck() throws Exception {
		Path csvNamedH5 = MalformedFilesTest.malformed().resolve("csv_content.h5");
		assertThat(DataSets.read(csvNamedH5, ReadOptions.of(DataFormat.CSV)).grid().shape()).containsExactly(2, 2);
		assertThatThrownBy(() -> DataSets.read(csvNamedH5, ReadOptions.of(DataFormat.HDF5)))
			.isInstanceOf(InvalidDataException.class)
			.hasMessageContaining("the format HDF5 was requested but the content is really CSV text");
	}

}
