package io.physforge.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import ucar.ma2.DataType;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import static io.physforge.core.io.TestFiles.arrays;
import static io.physforge.core.io.TestFiles.npy;
import static io.physforge.core.io.TestFiles.npyF8;
import static io.physforge.core.io.TestFiles.npz;
import static io.physforge.core.io.TestFiles.range;

/**
 * Writes the malformed fixtures under {@code src/test/resources/malformed/} (committed;
 * rerun after changing them):
 * {@code java ... MalformedFixtures physics-core/src/test/resources/malformed}. Each file
 * breaks one rule; {@link MalformedFilesTest} checks the message for each.
 */
public final class MalformedFixtures {

	private MalformedFixtures() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/malformed");
		Files.createDirectories(dir);
		text(dir, "empty.csv", "");
		text(dir, "header_only.csv", "t,x,u\n");
		text(dir, "ragged_row.csv", "t,x,u\n0,0,1\n0,1\n1,0,3\n1,1,4\n");
		text(dir, "duplicate_point.csv", "t,x,u\n0,0,1\n0,1,2\n1,0,3\n0,1,5\n");
		text(dir, "missing_point.csv", "t,x,u\n0,0,1\n0,1,2\n1,0,3\n");
		text(dir, "non_numeric.csv", "t,x,u\n0,0,1\n0,1,abc\n1,0,3\n1,1,4\n");
		text(dir, "empty_cell.csv", "t,x,u\n0,0,1\n0,1,\n1,0,3\n1,1,4\n");
		text(dir, "nan_value.csv", "t,x,u\n0,0,1\n0,1,2\n1,0,NaN\n1,1,4\n");
		text(dir, "no_coordinates.csv", "a,b,c\n0,0,1\n0,1,2\n");
		text(dir, "no_field_column.csv", "t,x\n0,0\n0,1\n");
		text(dir, "wide_form.csv", "0,0.5,1.0\n1,2,3\n4,5,6\n");
		text(dir, "csv_content.h5", "t,x,u\n0,0,1\n0,1,2\n1,0,3\n1,1,4\n");
		byte[] good = npz(arrays("t", npyF8(new int[] { 2 }, 0, 1), "x", npyF8(new int[] { 3 }, 0, 1, 2), "u",
				npyF8(new int[] { 2, 3 }, 1, 2, 3, 4, 5, 6)));
		Files.write(dir.resolve("npz_content.csv"), good);
		Files.write(dir.resolve("truncated.npz"), Arrays.copyOf(good, good.length / 2));
		Files.write(dir.resolve("truncated_array.npz"),
				npz(arrays("t", npyF8(new int[] { 2 }, 0, 1), "x", npyF8(new int[] { 3 }, 0, 1, 2), "u",
						Arrays.copyOf(npyF8(new int[] { 2, 3 }, 1, 2, 3, 4, 5, 6), 150))));
		Files.write(dir.resolve("corrupt_header.npz"), npz(arrays("t", npyF8(new int[] { 2 }, 0, 1), "x",
				"NOT A NUMPY FILE AT ALL".getBytes(StandardCharsets.US_ASCII))));
		Files.write(dir.resolve("nonmonotonic_t.npz"), npz(arrays("t", npyF8(new int[] { 3 }, 0, 1, 0.5), "x",
				npyF8(new int[] { 2 }, 0, 1), "u", npyF8(new int[] { 3, 2 }, 1, 2, 3, 4, 5, 6))));
		Files.write(dir.resolve("mismatched_lengths.npz"), npz(arrays("t", npyF8(new int[] { 3 }, 0, 1, 2), "x",
				npyF8(new int[] { 4 }, 0, 1, 2, 3), "u", npyF8(new int[] { 3, 5 }, range(15, 0, 1)))));
		Files.write(dir.resolve("no_field.npz"),
				npz(arrays("t", npyF8(new int[] { 3 }, 0, 1, 2), "x", npyF8(new int[] { 2 }, 0, 1))));
		Files.write(dir.resolve("ambiguous_axes.npz"), npz(arrays("t", npyF8(new int[] { 3 }, 0, 1, 2), "x",
				npyF8(new int[] { 3 }, 0, 1, 2), "u", npyF8(new int[] { 3, 3 }, range(9, 0, 1)))));
		byte[] complexA = npy("<c16", false, new int[] { 2, 3 }, TestFiles.f8(range(12, 1, 1)));
		Files.write(dir.resolve("two_complex.npz"), npz(arrays("t", npyF8(new int[] { 2 }, 0, 1), "x",
				npyF8(new int[] { 3 }, 0, 1, 2), "a", complexA, "b", complexA)));
		Files.write(dir.resolve("string_array.npz"), npz(arrays("t", npyF8(new int[] { 2 }, 0, 1), "x",
				npyF8(new int[] { 2 }, 0, 1), "u", npy("<U3", false, new int[] { 2, 2 }, new byte[48]))));
		Files.write(dir.resolve("single_array.npy"), npyF8(new int[] { 2, 2 }, 1, 2, 3, 4));
		Files.write(dir.resolve("unknown_format.bin"), new byte[] { 0x7f, 'E', 'L', 'F', 0, 1, 2, 3, 4, 5 });

		Field small = new Field(Grid.of(new Axis("t", new double[] { 0, 1 }), new Axis("x", new double[] { 0, 1, 2 })),
				java.util.Map.of("u", new double[] { 1, 2, 3, 4, 5, 6 }));
		Path h5 = dir.resolve("good.tmp.h5");
		DataSets.write(new Field(Grid.of(new Axis("t", range(4, 0, 1)), new Axis("x", range(64, 0, 1))),
				java.util.Map.of("u", range(256, 0, 0.5))), h5);
		byte[] h5bytes = Files.readAllBytes(h5);
		Files.write(dir.resolve("truncated.h5"), Arrays.copyOf(h5bytes, h5bytes.length / 2));
		Files.delete(h5);
		Path nc = dir.resolve("good.tmp.nc");
		DataSets.write(small, nc);
		byte[] ncbytes = Files.readAllBytes(nc);
		Files.write(dir.resolve("truncated.nc"), Arrays.copyOf(ncbytes, 150));
		Files.delete(nc);
		DataSets.write(small.with("u", new double[] { 1, 2, Double.NaN, 4, 5, 6 }), dir.resolve("nan_field.h5"));
		try (WritableHdfFile hdf = HdfFile.write(dir.resolve("ambiguous_names.h5"))) {
			hdf.putDataset("t", new double[] { 0, 1 });
			hdf.putDataset("x", new double[] { 0, 1, 2 });
			hdf.putDataset("u", new double[][] { { 1, 2, 3 }, { 4, 5, 6 } });
			hdf.putDataset("usol", new double[][] { { 1, 2, 3 }, { 4, 5, 6 } });
		}
		try (WritableHdfFile hdf = HdfFile.write(dir.resolve("no_numbers.h5"))) {
			hdf.putDataset("note", new String[] { "no", "data" });
		}
		fillValueNetcdf(dir.resolve("fill_value.nc"));
		matWithoutCoordinates(dir.resolve("no_coordinates.mat"));
		Files.writeString(dir.resolve("README.md"), readme(), StandardCharsets.UTF_8);
	}

	private static void text(Path dir, String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static void fillValueNetcdf(Path file) throws Exception {
		Files.deleteIfExists(file);
		NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, file.toString());
		Dimension t = w.addDimension(null, "t", 2);
		Dimension x = w.addDimension(null, "x", 2);
		w.addVariable(null, "t", DataType.DOUBLE, List.of(t));
		w.addVariable(null, "x", DataType.DOUBLE, List.of(x));
		var u = w.addVariable(null, "u", DataType.DOUBLE, List.of(t, x));
		w.addVariableAttribute(u, new Attribute("_FillValue", -999.0));
		w.create();
		w.write(w.findVariable("t"), ucar.ma2.Array.factory(DataType.DOUBLE, new int[] { 2 }, new double[] { 0, 1 }));
		w.write(w.findVariable("x"), ucar.ma2.Array.factory(DataType.DOUBLE, new int[] { 2 }, new double[] { 0, 1 }));
		w.write(u, ucar.ma2.Array.factory(DataType.DOUBLE, new int[] { 2, 2 }, new double[] { 1, -999, 3, 4 }));
		w.close();
	}

	private static void matWithoutCoordinates(Path file) throws IOException {
		MatFile mat = Mat5.newMatFile();
		Matrix u = Mat5.newMatrix(2, 3);
		for (int i = 0; i < 6; i++) {
			u.setDouble(i, i);
		}
		mat.addArray("usol", u);
		Mat5.writeToFile(mat, file.toFile());
	}

	private static String readme() {
		return """
				# Malformed data files

				Each file breaks one rule of `DataSets.read`; `MalformedFilesTest` checks the message
				for each. Regenerate with `MalformedFixtures.main` (test scope).
				""";
	}

}
