package io.physforge.core.io.internal;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.physforge.core.io.InvalidDataException;

/**
 * HDF5, NetCDF-4 and MATLAB v7.3 files through jHDF. Dimension names come from a
 * {@code dims} attribute ({@code "t,x"}) or from netCDF-4 / HDF5 dimension scales
 * ({@code DIMENSION_LIST}). Compound datasets with real and imaginary members
 * ({@code r/i}, {@code real/imag}, {@code re/im}: h5py and MATLAB v7.3 complex) are read
 * as complex.
 */
final class Hdf5Source implements ArraySource {

	private static final String NETCDF_PHONY_SCALE = "This is a netCDF dimension but not a netCDF variable";

	private final Path file;

	private final HdfFile hdf;

	private final Map<String, Dataset> datasets = new HashMap<>();

	Hdf5Source(Path file) {
		this.file = file;
		this.hdf = new HdfFile(file);
	}

	@Override
	public String entryKind() {
		return "dataset";
	}

	@Override
	public List<ArrayInfo> arrays() {
		List<Dataset> all = new ArrayList<>();
		collect(this.hdf, all);
		Map<Long, String> scaleNames = new HashMap<>();
		for (Dataset ds : all) {
			if (isDimensionScale(ds)) {
				scaleNames.put(ds.getAddress(), scaleName(ds));
			}
		}
		List<ArrayInfo> out = new ArrayList<>();
		for (Dataset ds : all) {
			String phony = stringAttribute(ds, "NAME");
			if (phony != null && phony.startsWith(NETCDF_PHONY_SCALE)) {
				continue;
			}
			if (ds.isEmpty()) {
				continue;
			}
			boolean complex = ds.isCompound();
			Class<?> type = ds.getJavaType();
			if (!complex && !(type.isPrimitive() || Number.class.isAssignableFrom(type))) {
				continue;
			}
			String name = ds.getPath().startsWith("/") ? ds.getPath().substring(1) : ds.getPath();
			this.datasets.put(name, ds);
			int[] shape = ds.isScalar() ? new int[0] : ds.getDimensions();
			out.add(new ArrayInfo(name, shape, dims(ds, shape.length, scaleNames), complex, "dataset '" + name + "'"));
		}
		return out;
	}

	@Override
	public ArrayData read(ArrayInfo array) {
		Dataset ds = this.datasets.get(array.name());
		int size = (int) array.size();
		if (ds.isCompound()) {
			Object data = ds.getData();
			if (!(data instanceof Map<?, ?> members)) {
				throw notNumeric(array, "a compound dataset that is not a table of members");
			}
			Object re = member(members, "r", "real", "re");
			Object im = member(members, "i", "imag", "im");
			if (re == null || im == null) {
				throw notNumeric(array, "a compound dataset with members " + members.keySet()
						+ " (a complex number needs real and imaginary members r/i, real/imag or re/im)");
			}
			return new ArrayData(Layouts.flatten(re, size), Layouts.flatten(im, size));
		}
		Object flat = ds.isScalar() ? ds.getData() : ds.getDataFlat();
		double[] values;
		if (ds.isScalar()) {
			values = (flat instanceof Number n) ? new double[] { n.doubleValue() } : null;
		}
		else {
			values = Layouts.toDoubles(flat);
		}
		if (values == null) {
			throw notNumeric(array, "not numeric (" + ds.getJavaType().getSimpleName() + ")");
		}
		return new ArrayData(values, null);
	}

	private InvalidDataException notNumeric(ArrayInfo array, String what) {
		return new InvalidDataException(this.file, array.location(), "the dataset is " + what,
				"store the data as a numeric (float64) dataset");
	}

	private static Object member(Map<?, ?> members, String... names) {
		for (String n : names) {
			if (members.containsKey(n)) {
				return members.get(n);
			}
		}
		return null;
	}

	private static void collect(Group group, List<Dataset> out) {
		for (Node node : group) {
			if (node instanceof Dataset ds) {
				out.add(ds);
			}
			else if (node instanceof Group g && !node.isLink()) {
				collect(g, out);
			}
		}
	}

	private static boolean isDimensionScale(Dataset ds) {
		return "DIMENSION_SCALE".equals(stringAttribute(ds, "CLASS"));
	}

	private static String scaleName(Dataset ds) {
		String name = stringAttribute(ds, "NAME");
		return (name == null || name.startsWith(NETCDF_PHONY_SCALE)) ? ds.getName() : name;
	}

	private static List<String> dims(Dataset ds, int rank, Map<Long, String> scaleNames) {
		Attribute dimsAttr = ds.getAttributes().get("dims");
		if (dimsAttr != null) {
			Object d = dimsAttr.getData();
			List<String> names = new ArrayList<>();
			if (d instanceof String s) {
				for (String part : s.split("[,\\s]+")) {
					if (!part.isEmpty()) {
						names.add(part);
					}
				}
			}
			else if (d instanceof String[] arr) {
				names.addAll(Arrays.asList(arr));
			}
			return names.size() == rank ? names : null;
		}
		Attribute list = ds.getAttributes().get("DIMENSION_LIST");
		if (list != null && list.getData() != null && list.getData().getClass().isArray()) {
			Object refs = list.getData();
			int n = Array.getLength(refs);
			if (n != rank) {
				return null;
			}
			List<String> names = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Object ref = Array.get(refs, i);
				long address = firstAddress(ref);
				String name = scaleNames.get(address);
				if (name == null) {
					return null;
				}
				names.add(name);
			}
			return names;
		}
		return null;
	}

	private static long firstAddress(Object ref) {
		if (ref instanceof Number n) {
			return n.longValue();
		}
		if (ref != null && ref.getClass().isArray() && Array.getLength(ref) > 0) {
			return firstAddress(Array.get(ref, 0));
		}
		return -1;
	}

	private static String stringAttribute(Node node, String name) {
		try {
			Attribute a = node.getAttributes().get(name);
			if (a == null) {
				return null;
			}
			Object d = a.getData();
			return (d instanceof String s) ? s : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.hdf.close();
	}

}
