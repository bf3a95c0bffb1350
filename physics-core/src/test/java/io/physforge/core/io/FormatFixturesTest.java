package io.physforge.core.io;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.physforge.core.field.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts the PDE-FIND files do not have: NetCDF-4 dimension names, h5py complex, MATLAB
 * v7.3 and v7 (compressed), Fortran-ordered NumPy. Fixtures from
 * {@code src/test/resources/formats/make_fixtures.py}; every one holds t = [0, 1] and
 * u[i, j] = 10 i + j, v = 100 i + j + 1.
 */
class FormatFixturesTest {

	private static final double[] U = { 0, 1, 2, 10, 11, 12 };

	private static final double[] V = { 1, 2, 3, 101, 102, 103 };

	@TempDir
	Path dir;

	@Test
	void netcdf4DimensionNamesFixTheAxisOrderWhenLengthsTie() throws Exception {
		Path file = fixture("dims_xt.nc");
		assertThat(DataSets.detect(file)).isEqualTo(DataFormat.NETCDF4);
		Field f = DataSets.read(file);
		assertThat(f.grid().shape()).containsExactly(2, 2);
		assertThat(f.values("u")).containsExactly(0, 1, 10, 11);
	}

	@Test
	void h5pyComplexBecomesUAndV() throws Exception {
		Field f = DataSets.read(fixture("complex_psi.h5"));
		assertThat(f.fieldNames()).containsExactly("u", "v");
		assertThat(f.values("u")).containsExactly(U);
		assertThat(f.values("v")).containsExactly(V);
	}

	@Test
	void matlab73IsReadThroughHdf5() throws Exception {
		Path file = fixture("v73.mat");
		assertThat(DataSets.detect(file)).isEqualTo(DataFormat.MATLAB);
		Field f = DataSets.read(file);
		assertThat(f.grid().axis("x").values()).containsExactly(0, 0.5, 1);
		assertThat(f.values("u")).containsExactly(U);
		assertThat(f.values("v")).containsExactly(V);
	}

	@Test
	void fortranOrderedNumpyArrayIsTransposed() throws Exception {
		Field f = DataSets.read(fixture("fortran.npz"));
		assertThat(f.values("u")).containsExactly(U);
	}

	@Test
	void compressedMatlab7WithTtAliasAndXByTLayout() throws Exception {
		MatFile mat = Mat5.newMatFile();
		Matrix tt = Mat5.newMatrix(1, 2);
		tt.setDouble(1, 1.0);
		Matrix x = Mat5.newMatrix(3, 1);
		x.setDouble(1, 0.5);
		x.setDouble(2, 1.0);
		Matrix uu = Mat5.newMatrix(3, 2); // MATLAB uu(x, t), as in
											// kuramoto_sivishinky.mat
		for (int i = 0; i < 2; i++) {
			for (int j = 0; j < 3; j++) {
				uu.setDouble(j, i, 10 * i + j);
			}
		}
		mat.addArray("tt", tt).addArray("x", x).addArray("uu", uu);
		Path file = this.dir.resolve("ks.mat");
		Mat5.writeToFile(mat, file.toFile());
		Field f = DataSets.read(file);
		assertThat(f.grid().axis("t").values()).containsExactly(0, 1);
		assertThat(f.fieldNames()).containsExactly("u");
		assertThat(f.values("u")).containsExactly(U);
	}

	@Test
	void netcdf3AndHdf5DimensionNamesFixTheAxisOrder() throws Exception {
		double[][] xt = { { 0, 10 }, { 1, 11 } }; // u(x, t)
		Path nc = this.dir.resolve("xt.nc");
		NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, nc.toString());
		Dimension x = w.addDimension(null, "x", 2);
		Dimension t = w.addDimension(null, "time", 2);
		w.addVariable(null, "x", DataType.DOUBLE, List.of(x));
		w.addVariable(null, "time", DataType.DOUBLE, List.of(t));
		w.addVariable(null, "u", DataType.DOUBLE, List.of(x, t));
		w.create();
		w.write(w.findVariable("x"), Array.factory(DataType.DOUBLE, new int[] { 2 }, new double[] { 0, 1 }));
		w.write(w.findVariable("time"), Array.factory(DataType.DOUBLE, new int[] { 2 }, new double[] { 0, 1 }));
		w.write(w.findVariable("u"), Array.factory(DataType.DOUBLE, new int[] { 2, 2 }, new double[] { 0, 10, 1, 11 }));
		w.close();
		assertThat(DataSets.read(nc).values("u")).containsExactly(0, 1, 10, 11);

		Path h5 = this.dir.resolve("xt.h5");
		try (WritableHdfFile hdf = HdfFile.write(h5)) {
			hdf.putDataset("x", new double[] { 0, 1 });
			hdf.putDataset("tt", new double[] { 0, 1 });
			hdf.putDataset("u", xt).putAttribute("dims", "x,tt");
		}
		assertThat(DataSets.read(h5).values("u")).containsExactly(0, 1, 10, 11);
	}

	@Test
	void numpyDimsTextArrayFixesTheAxisOrder() throws Exception {
		Path npz = this.dir.resolve("xt.npz");
		byte[] dims = TestFiles.npy("<U1", false, new int[] { 2 }, new byte[] { 'x', 0, 0, 0, 't', 0, 0, 0 });
		java.nio.file.Files.write(npz,
				TestFiles.npz(TestFiles.arrays("t", TestFiles.npyF8(new int[] { 2 }, 0, 1), "x",
						TestFiles.npyF8(new int[] { 2 }, 0, 1), "u", TestFiles.npyF8(new int[] { 2, 2 }, 0, 10, 1, 11),
						"dims", dims)));
		Field f = DataSets.read(npz);
		assertThat(f.fieldNames()).containsExactly("u");
		assertThat(f.values("u")).containsExactly(0, 1, 10, 11);
	}

	private static Path fixture(String name) throws URISyntaxException {
		return Path.of(FormatFixturesTest.class.getResource("/formats/" + name).toURI());
	}

}
