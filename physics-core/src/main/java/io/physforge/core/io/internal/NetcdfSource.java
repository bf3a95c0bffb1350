package io.physforge.core.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.io.InvalidDataException;
import ucar.ma2.Array;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;

/**
 * NetCDF-3 (classic and 64-bit offset) through the Unidata netCDF-Java library. Values
 * equal to the variable's {@code _FillValue}/{@code missing_value} (or the netCDF default
 * fill) are missing data and rejected.
 */
final class NetcdfSource implements ArraySource {

	/** netCDF's default fill value for doubles, {@code NC_FILL_DOUBLE}. */
	private static final double NC_FILL_DOUBLE = 9.9692099683868690e+36;

	private final Path file;

	private final NetcdfFile nc;

	private final Map<String, Variable> variables = new HashMap<>();

	NetcdfSource(Path file) throws IOException {
		this.file = file;
		this.nc = NetcdfFile.open(file.toString());
	}

	@Override
	public String entryKind() {
		return "variable";
	}

	@Override
	public List<ArrayInfo> arrays() {
		List<ArrayInfo> out = new ArrayList<>();
		for (Variable v : this.nc.getVariables()) {
			if (!v.getDataType().isNumeric()) {
				continue;
			}
			String name = v.getFullName();
			this.variables.put(name, v);
			List<String> dims = new ArrayList<>();
			for (Dimension d : v.getDimensions()) {
				dims.add(d.getShortName());
			}
			if (dims.contains(null)) {
				dims = null;
			}
			out.add(new ArrayInfo(name, v.getShape(), dims, false, "variable '" + name + "'"));
		}
		return out;
	}

	@Override
	public ArrayData read(ArrayInfo array) throws IOException {
		Variable v = this.variables.get(array.name());
		Array a = v.read();
		double[] values = (a.getElementType() == double.class && a.getStorage() instanceof double[] d
				&& d.length == a.getSize()) ? d : (double[]) a.get1DJavaArray(double.class);
		checkFill(array, v, values);
		return new ArrayData(values, null);
	}

	private void checkFill(ArrayInfo array, Variable v, double[] values) {
		List<Double> fills = new ArrayList<>();
		for (String attr : List.of("_FillValue", "missing_value")) {
			Attribute a = v.findAttribute(attr);
			if (a != null && a.getNumericValue() != null) {
				fills.add(a.getNumericValue().doubleValue());
			}
		}
		if (fills.isEmpty()) {
			fills.add(NC_FILL_DOUBLE);
		}
		int count = 0;
		int first = -1;
		for (int i = 0; i < values.length; i++) {
			double x = values[i];
			for (double f : fills) {
				if (x == f) {
					count++;
					if (first < 0) {
						first = i;
					}
				}
			}
		}
		if (count > 0) {
			throw new InvalidDataException(this.file, array.location(),
					count + " of " + values.length + " values are missing (equal to the fill value " + fills
							+ "), the first at flat index " + first,
					"write every value, or interpolate the gaps before loading");
		}
	}

	@Override
	public void close() throws IOException {
		this.nc.close();
	}

}
