package io.physforge.data.dataset.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.data.dataset.DataSet.Coordinate;
import io.physforge.data.dataset.DataSet.ValueRange;

/**
 * The metadata a data set row keeps about its field: axes and value statistics.
 */
public final class FieldStatistics {

	private FieldStatistics() {
	}

	/**
	 * @param field a field
	 * @return its axes in canonical order
	 */
	public static List<Coordinate> coordinates(Field field) {
		List<Coordinate> coordinates = new ArrayList<>();
		for (Axis axis : field.grid().axes()) {
			boolean uniform = axis.size() < 2 || axis.isUniform();
			Double spacing = (uniform && axis.size() >= 2) ? axis.spacing() : null;
			coordinates
				.add(new Coordinate(axis.name(), axis.size(), axis.at(0), axis.at(axis.size() - 1), uniform, spacing));
		}
		return coordinates;
	}

	/**
	 * @param field a field
	 * @return its shape as a list
	 */
	public static List<Integer> shape(Field field) {
		List<Integer> shape = new ArrayList<>();
		for (int n : field.grid().shape()) {
			shape.add(n);
		}
		return shape;
	}

	/**
	 * Min, max, mean and standard deviation (Welford's update) of each field's finite
	 * values.
	 * @param field a field
	 * @return statistics by field name, in field order
	 */
	public static Map<String, ValueRange> valueRanges(Field field) {
		Map<String, ValueRange> ranges = new LinkedHashMap<>();
		for (String name : field.fieldNames()) {
			double[] values = field.values(name);
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			double mean = 0;
			double m2 = 0;
			long n = 0;
			long nonFinite = 0;
			for (double v : values) {
				if (!Double.isFinite(v)) {
					nonFinite++;
					continue;
				}
				n++;
				double delta = v - mean;
				mean += delta / n;
				m2 += delta * (v - mean);
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			ranges.put(name, (n == 0) ? new ValueRange(Double.NaN, Double.NaN, Double.NaN, Double.NaN, nonFinite)
					: new ValueRange(min, max, mean, Math.sqrt(m2 / n), nonFinite));
		}
		return ranges;
	}

}
