package io.physforge.core.io.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.DataFormat;
import org.jetbrains.bio.npy.NpzFile;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes a {@link Field} as long-form CSV, NPZ, HDF5 or NetCDF-3: coordinates as 1-D
 * arrays named after their axes, fields as arrays in canonical axis order, and the axis
 * order recorded where the format allows (NetCDF dimensions, HDF5 attribute
 * {@code dims = "t,x"}, NPZ text array {@code dims = ["t", "x"]}), so that every file
 * reads back to the same data set, bit for bit.
 */
public final class Writers {

	private Writers() {
	}

	public static void write(Field field, Path target, DataFormat format) throws IOException {
		switch (format) {
			case CSV -> csv(field, target);
			case NPZ -> npz(field, target);
			case HDF5 -> hdf5(field, target);
			case NETCDF3 -> netcdf3(field, target);
			default -> throw new IllegalArgumentException(
					format.description() + " files cannot be written; write " + ".csv, .npz, .h5 or .nc");
		}
	}

	/**
	 * Header {@code t,x,u,v}, then one row per grid point in row-major order; numbers in
	 * Java's shortest round-trip form, so values read back exactly.
	 */
	static void csv(Field field, Path target) throws IOException {
		Grid grid = field.grid();
		List<String> names = field.fieldNames();
		double[][] values = new double[names.size()][];
		for (int f = 0; f < values.length; f++) {
			values[f] = field.values(names.get(f));
		}
		int rank = grid.rank();
		try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			List<String> header = new ArrayList<>();
			grid.axes().forEach((a) -> header.add(a.name()));
			header.addAll(names);
			out.write(String.join(",", header));
			out.newLine();
			int[] index = new int[rank];
			StringBuilder b = new StringBuilder(128);
			for (int p = 0; p < grid.size(); p++) {
				b.setLength(0);
				for (int a = 0; a < rank; a++) {
					b.append(grid.axes().get(a).at(index[a])).append(',');
				}
				for (int f = 0; f < values.length; f++) {
					b.append(values[f][p]).append(f + 1 < values.length ? ',' : '\n');
				}
				out.append(b);
				for (int a = rank - 1; a >= 0; a--) {
					if (++index[a] < grid.axes().get(a).size()) {
						break;
					}
					index[a] = 0;
				}
			}
		}
	}

	static void npz(Field field, Path target) {
		try (NpzFile.Writer w = NpzFile.write(target, false)) {
			for (Axis a : field.grid().axes()) {
				w.write(a.name(), a.values(), new int[] { a.size() });
			}
			for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
				w.write(e.getKey(), e.getValue(), field.grid().shape());
			}
			// axis order of the field arrays, so that equal axis lengths stay unambiguous
			if (!field.hasField(NpzSource.DIMS)) {
				w.write(NpzSource.DIMS, field.grid().axes().stream().map(Axis::name).toArray(String[]::new));
			}
		}
	}

	static void hdf5(Field field, Path target) {
		Grid grid = field.grid();
		String dims = String.join(",", grid.axes().stream().map(Axis::name).toList());
		try (WritableHdfFile hdf = HdfFile.write(target)) {
			for (Axis a : grid.axes()) {
				hdf.putDataset(a.name(), a.values());
			}
			for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
				WritableDataset ds = hdf.putDataset(e.getKey(), nest(e.getValue(), grid.shape()));
				ds.putAttribute("dims", dims);
			}
			hdf.putAttribute("writer", "PhysForge");
		}
	}

	/** A flat row-major array as a nested Java array of the given shape. */
	static Object nest(double[] flat, int[] shape) {
		if (shape.length == 1) {
			return flat;
		}
		Object out = Array.newInstance(double.class, shape);
		int inner = shape[shape.length - 1];
		int[] index = new int[shape.length - 1];
		for (int p = 0; p < flat.length; p += inner) {
			Object row = out;
			for (int d = 0; d < index.length; d++) {
				row = Array.get(row, index[d]);
			}
			System.arraycopy(flat, p, row, 0, inner);
			for (int d = index.length - 1; d >= 0; d--) {
				if (++index[d] < shape[d]) {
					break;
				}
				index[d] = 0;
			}
		}
		return out;
	}

	static void netcdf3(Field field, Path target) throws IOException {
		Grid grid = field.grid();
		NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, target.toString());
		try {
			List<Dimension> dims = new ArrayList<>();
			for (Axis a : grid.axes()) {
				Dimension d = w.addDimension(null, a.name(), a.size());
				dims.add(d);
				w.addVariable(null, a.name(), DataType.DOUBLE, List.of(d));
			}
			for (String name : field.fieldNames()) {
				w.addVariable(null, name, DataType.DOUBLE, dims);
			}
			w.addGroupAttribute(null, new ucar.nc2.Attribute("writer", "PhysForge"));
			w.create();
			for (Axis a : grid.axes()) {
				Variable v = w.findVariable(a.name());
				w.write(v, ucar.ma2.Array.factory(DataType.DOUBLE, new int[] { a.size() }, a.values()));
			}
			for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
				Variable v = w.findVariable(e.getKey());
				w.write(v, ucar.ma2.Array.factory(DataType.DOUBLE, grid.shape(), e.getValue()));
			}
		}
		catch (InvalidRangeException ex) {
			throw new IOException("NetCDF write failed: " + ex.getMessage(), ex);
		}
		finally {
			w.close();
		}
	}

}
