package io.physforge.data.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.data.DataProperties;
import io.physforge.data.dataset.DataSet;
import io.physforge.data.dataset.DataSetCatalog;
import io.physforge.data.dataset.internal.FieldStatistics;
import io.physforge.data.preview.Preview.SliceAt;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Builds previews from a data set's canonical form. A grid of rank 1 or 2 is shown whole;
 * a larger one is cut at a fixed index of each leading axis (for {@code (t, x, y)}: the
 * map over {@code (x, y)} at time index {@code t}, default 0). The shown slice is then
 * thinned by regular strides to at most {@code maxPoints} values.
 */
@Service
public class Previews {

	private final DataSetCatalog catalog;

	private final DataProperties properties;

	public Previews(DataSetCatalog catalog, DataProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * @param user the caller
	 * @param id data set id
	 * @param fieldName field to show, {@code null} for the first
	 * @param maxPoints most values to return
	 * @param indexes index per non-plotted axis name (missing: 0)
	 * @return the preview
	 */
	public Preview preview(CurrentUser user, UUID id, String fieldName, int maxPoints, Map<String, String> indexes) {
		DataSet dataSet = this.catalog.get(user, id);
		if (maxPoints < 1 || maxPoints > this.properties.maxPreviewPoints()) {
			throw ProblemException.badRequest("validation",
					"maxPoints must be between 1 and " + this.properties.maxPreviewPoints()
							+ " (physforge.data.max-preview-points), got " + maxPoints + ".");
		}
		String name = (fieldName == null || fieldName.isBlank()) ? dataSet.fields().get(0) : fieldName.strip();
		if (!dataSet.fields().contains(name)) {
			throw ProblemException.badRequest("unknown-field",
					"Data set " + id + " has no field '" + name + "'; its fields are " + dataSet.fields() + ".");
		}
		Field field = this.catalog.readCanonical(dataSet);
		Grid grid = field.grid();
		int rank = grid.rank();
		int plottedFrom = Math.max(0, rank - 2);
		int[] fixed = new int[rank];
		Map<String, SliceAt> slice = new LinkedHashMap<>();
		for (int d = 0; d < plottedFrom; d++) {
			Axis axis = grid.axes().get(d);
			fixed[d] = index(axis, indexes.get(axis.name()));
			slice.put(axis.name(), new SliceAt(fixed[d], axis.at(fixed[d])));
		}
		int plotted = rank - plottedFrom;
		int[] sizes = new int[plotted];
		List<String> axes = new ArrayList<>();
		for (int i = 0; i < plotted; i++) {
			Axis axis = grid.axes().get(plottedFrom + i);
			sizes[i] = axis.size();
			axes.add(axis.name());
		}
		int[] strides = Downsampling.strides(sizes, maxPoints);
		Map<String, double[]> coordinates = new LinkedHashMap<>();
		Map<String, Integer> strideByAxis = new LinkedHashMap<>();
		for (int i = 0; i < plotted; i++) {
			Axis axis = grid.axes().get(plottedFrom + i);
			double[] kept = new double[Downsampling.ceilDiv(sizes[i], strides[i])];
			for (int k = 0; k < kept.length; k++) {
				kept[k] = axis.at(k * strides[i]);
			}
			coordinates.put(axis.name(), kept);
			strideByAxis.put(axis.name(), strides[i]);
		}
		double[] values = field.values(name);
		int rows = (plotted == 2) ? Downsampling.ceilDiv(sizes[0], strides[0]) : 1;
		int cols = Downsampling.ceilDiv(sizes[plotted - 1], strides[plotted - 1]);
		double[][] out = new double[rows][cols];
		int[] index = fixed.clone();
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int r = 0; r < rows; r++) {
			if (plotted == 2) {
				index[rank - 2] = r * strides[0];
			}
			for (int c = 0; c < cols; c++) {
				index[rank - 1] = c * strides[plotted - 1];
				double v = values[grid.flatIndex(index)];
				out[r][c] = v;
				if (Double.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
		}
		return new Preview(id, name, axes, coordinates, out, strideByAxis, FieldStatistics.shape(field), slice,
				(min <= max) ? min : Double.NaN, (min <= max) ? max : Double.NaN);
	}

	private static int index(Axis axis, String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			int i = Integer.parseInt(text.strip());
			if (i >= 0 && i < axis.size()) {
				return i;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ProblemException.badRequest("validation",
				"Parameter '" + axis.name() + "' must be an index between 0 and " + (axis.size() - 1) + " of axis "
						+ axis.name() + ", got '" + text + "'.");
	}

}
