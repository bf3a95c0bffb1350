package io.physforge.derivative.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.derivative.Derivatives;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.pinn.PinnDerivatives;
import io.physforge.pinn.PinnModel;
import io.physforge.platform.problem.Problems.FieldError;

/**
 * Computes a feature set: the data set's fields and every derivative of a
 * {@link FeatureSpec}, by canonical name, on the data set's grid.
 * <p>
 * With a physics-core method each derivative is taken axis after axis in grid order,
 * along {@code t} with the time method and along space with the method
 * ({@link Derivatives#mixed} does the same with one method); the trim of each axis is the
 * largest {@link Differentiator#unreliableEdge} of the orders asked for along it, so that
 * discovery can drop the edge points. A PINN surrogate gives the fields (denoised) and
 * their derivatives by automatic differentiation, trimmed by
 * {@link PinnDerivatives#edgePoints} at the ends of each axis. Stateless and thread-safe.
 */
public final class FeatureComputer {

	private FeatureComputer() {
	}

	/**
	 * The names a spec asks for on a data set: the fields, then the requested names (or
	 * {@code Discovery.requiredDerivatives} with the spec's {@code maxOrder}), each once.
	 * @param data the data set
	 * @param spec the spec
	 * @return the names in file order
	 * @throws InvalidFeatureSpecException naming every name that does not fit the data
	 * set (unknown field or axis)
	 */
	public static List<String> names(Field data, FeatureSpec spec) {
		List<String> fields = data.fieldNames();
		List<String> asked = spec.names().isEmpty() ? Discovery.requiredDerivatives(data.grid(), fields,
				DiscoverySettings.defaults().withMaxOrder(spec.maxOrder())) : spec.names();
		List<FieldError> errors = new ArrayList<>();
		List<String> axes = data.grid().axes().stream().map(Axis::name).toList();
		for (int i = 0; i < asked.size(); i++) {
			String name = asked.get(i);
			int underscore = name.indexOf('_');
			String field = (underscore > 0) ? name.substring(0, underscore) : name;
			String where = spec.names().isEmpty() ? "maxOrder" : "names[" + i + "]";
			if (!fields.contains(field)) {
				errors.add(new FieldError(where,
						"'" + name + "' names field '" + field + "', but the data set's fields are " + fields));
			}
			else if (underscore > 0) {
				for (String axis : Derivatives.ordersOf(name.substring(underscore + 1)).keySet()) {
					if (!axes.contains(axis)) {
						errors.add(new FieldError(where,
								"'" + name + "' differentiates along '" + axis + "', but the grid's axes are " + axes));
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFeatureSpecException(errors);
		}
		List<String> names = new ArrayList<>(fields);
		for (String name : asked) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Computes with a physics-core method.
	 * @param data the data set
	 * @param spec a spec whose method is not {@code pinn}
	 * @return the feature set
	 * @throws IllegalArgumentException when a name does not fit the data or the method
	 * cannot differentiate it (axis too short, non-uniform axis for a method that needs
	 * equal spacing)
	 */
	public static Features numerical(Field data, FeatureSpec spec) {
		if (spec.pinn()) {
			throw new IllegalArgumentException("method pinn needs a model; use FeatureComputer.pinn");
		}
		List<String> names = names(data, spec);
		Differentiator space = Differentiators.byName(spec.method(), spec.options());
		Differentiator time = Differentiators.byName(spec.timeMethod(), spec.timeOptions());
		Grid grid = data.grid();
		Map<String, double[]> values = new LinkedHashMap<>();
		Map<String, Integer> trim = new LinkedHashMap<>();
		for (Axis axis : grid.axes()) {
			trim.put(axis.name(), 0);
		}
		for (String name : names) {
			int underscore = name.indexOf('_');
			if (underscore < 0) {
				values.put(name, data.values(name));
				continue;
			}
			Map<String, Integer> orders = Derivatives.ordersOf(name.substring(underscore + 1));
			double[] v = data.values(name.substring(0, underscore));
			for (Axis axis : grid.axes()) {
				Integer order = orders.get(axis.name());
				if (order == null) {
					continue;
				}
				Differentiator d = axis.name().equals("t") ? time : space;
				v = d.differentiate(grid, v, axis.name(), order);
				trim.merge(axis.name(), d.unreliableEdge(order), Math::max);
			}
			values.put(name, v);
		}
		return new Features(new Field(grid, values), data.fieldNames(), names, trim);
	}

	/**
	 * Evaluates a PINN surrogate on the data set's grid.
	 * @param data the data set (its grid and field names)
	 * @param spec a spec whose method is {@code pinn}
	 * @param model the surrogate; its inputs must be the grid's axes and its outputs must
	 * include the fields
	 * @return the feature set; its trim leaves out the ends of each axis where the
	 * network is least constrained ({@link PinnDerivatives#EDGE_FRACTION})
	 * @throws IllegalArgumentException when the model does not fit the data set
	 */
	public static Features pinn(Field data, FeatureSpec spec, PinnModel model) {
		List<String> names = names(data, spec);
		List<String> axes = data.grid().axes().stream().map(Axis::name).toList();
		if (!model.inputs().equals(axes)) {
			throw new IllegalArgumentException("the PINN model takes inputs " + model.inputs()
					+ " but the data set's grid has axes " + axes + "; train the model on this data set");
		}
		if (!model.outputs().containsAll(data.fieldNames())) {
			throw new IllegalArgumentException("the PINN model gives " + model.outputs()
					+ " but the data set has fields " + data.fieldNames() + "; train the model on this data set");
		}
		Field field = model.evaluate(data.grid(), names);
		Map<String, Integer> trim = new LinkedHashMap<>();
		for (Axis axis : data.grid().axes()) {
			trim.put(axis.name(), PinnDerivatives.edgePoints(axis.size()));
		}
		return new Features(field, data.fieldNames(), names, trim);
	}

	/**
	 * A computed feature set.
	 *
	 * @param field the fields and derivatives by canonical name
	 * @param fields the names of the data set's fields
	 * @param names every name of {@code field}, in file order
	 * @param trim points to drop at each end of each axis
	 */
	public record Features(Field field, List<String> fields, List<String> names, Map<String, Integer> trim) {

		public Features {
			fields = List.copyOf(fields);
			names = List.copyOf(names);
			trim = Collections.unmodifiableMap(new LinkedHashMap<>(trim));
		}

		/**
		 * @return the grid's shape by axis name
		 */
		public Map<String, Integer> shape() {
			Map<String, Integer> shape = new LinkedHashMap<>();
			for (Axis axis : this.field.grid().axes()) {
				shape.put(axis.name(), axis.size());
			}
			return shape;
		}

	}

}
