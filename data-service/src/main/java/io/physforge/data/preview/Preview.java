package io.physforge.data.preview;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A down-sampled slice of one field, for plotting: {@code values[i][j]} is the field at
 * {@code coordinates[axes[0]][i]}, {@code coordinates[axes[1]][j]} (one row for a 1-D
 * grid).
 *
 * @param dataset the data set id
 * @param field the field shown
 * @param axes the plotted axes, at most two, in canonical order
 * @param coordinates the kept coordinates of each plotted axis
 * @param values the kept values, rows along the first plotted axis
 * @param stride every how many points was kept, per plotted axis
 * @param shape the full grid's shape
 * @param slice the index and coordinate each axis that is not plotted was fixed at
 * @param min smallest finite value shown
 * @param max largest finite value shown
 */
public record Preview(UUID dataset, String field, List<String> axes, Map<String, double[]> coordinates,
		double[][] values, Map<String, Integer> stride, List<Integer> shape, Map<String, SliceAt> slice, double min,
		double max) {

	/**
	 * Where a non-plotted axis was cut.
	 *
	 * @param index the grid index
	 * @param value the coordinate there
	 */
	public record SliceAt(int index, double value) {

	}

}
