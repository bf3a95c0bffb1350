package io.physforge.pinn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;

/**
 * A PINN as the derivative source of discovery ({@code physforge discover --derivative
 * pinn}): a network is fitted to the noisy field (data loss only, unless an equation is
 * given), then the field and every derivative the candidate library needs are evaluated
 * exactly on the grid and handed to {@link Discovery#discoverFromDerivatives}.
 *
 * <p>
 * The network's derivatives are least reliable where it is least constrained, at the ends
 * of each axis, so {@link #EDGE_FRACTION} of the points at each end of every axis are
 * left out of the regression (the same reason finite differences trim their stencil's
 * edge).
 */
public final class PinnDerivatives {

	/** Fraction of the points at each end of every axis left out of the regression. */
	public static final double EDGE_FRACTION = 0.05;

	private PinnDerivatives() {
	}

	/**
	 * Settings for a denoising fit from {@code --derivative-option key=value} pairs: any
	 * key of {@link PinnSettings#fromMap} ({@code layers=4x32}, {@code epochs=2000},
	 * {@code lbfgsIterations=2000}, {@code dataPoints=0}, {@code seed=...}), numbers
	 * parsed. Defaults for denoising: 4x32, 1,000 Adam steps, 2,000 L-BFGS iterations,
	 * every grid point up to 20,000.
	 */
	public static PinnSettings settings(Map<String, String> options, long seed) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("epochs", 1000);
		values.put("lbfgsIterations", 2000);
		values.put("dataPoints", 20_000);
		values.put("collocationPoints", 2000);
		values.put("progressEvery", 100);
		values.put("seed", seed);
		for (Map.Entry<String, String> e : options.entrySet()) {
			String v = e.getValue().trim();
			Object parsed;
			if (e.getKey().equals("layers") || e.getKey().equals("pde") || e.getKey().equals("activation")) {
				parsed = v;
			}
			else {
				try {
					parsed = v.matches("-?\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(
							"--derivative-option " + e.getKey() + "=" + v + " is not a number; give e.g. epochs=2000");
				}
			}
			values.put(e.getKey(), parsed);
		}
		return PinnSettings.fromMap(values);
	}

	/** A fitted surrogate and the derivative set evaluated from it. */
	public record Features(PinnResult fit, Field features) {
	}

	/**
	 * Fits a network to {@code data} and evaluates {@code names} on its grid, the edges
	 * cropped.
	 */
	public static Features features(Field data, List<String> names, PinnSettings settings, TrainingMonitor monitor) {
		PinnResult fit = PinnTrainer.train(data, settings, monitor);
		Grid cropped = crop(data.grid());
		return new Features(fit, fit.model().evaluate(cropped, names));
	}

	/**
	 * Discovery with PINN derivatives: fits, evaluates what the library of
	 * {@code settings} needs, and regresses. The result's provenance records the fit
	 * (settings, losses, steps, time) as its derivative source.
	 */
	public static DiscoveryResult discover(Field data, DiscoverySettings settings, PinnSettings pinn,
			TrainingMonitor monitor) {
		List<String> fields = data.fieldNames();
		List<String> names = Discovery.requiredDerivatives(data.grid(), fields, settings);
		Features f = features(data, names, pinn, monitor);
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("method", "pinn");
		source.put("architecture", f.fit().model().architecture());
		source.put("settings", pinn.asMap());
		source.put("losses", f.fit().losses());
		source.put("steps", f.fit().steps());
		source.put("durationMillis", f.fit().durationMillis());
		source.put("edgeFraction", EDGE_FRACTION);
		source.put("backend", f.fit().provenance().get("backend"));
		DiscoveryResult result = Discovery.discoverFromDerivatives(f.features(), fields, settings, source);
		return withCrossCheck(result, data, settings);
	}

	/**
	 * Adds {@code metrics.crossCheck}: the weak form (integration by parts, no pointwise
	 * derivatives; see {@code io.physforge.core.weak.WeakForm}) run on the same raw data,
	 * its equations, and whether each discovered equation has the same terms. A PINN
	 * fitted to noisy data can get high derivatives subtly wrong (on PDE-FIND's KdV with
	 * 10% noise it adds u^2*u_x and u*u_xxx), and a disagreement is the sign to trust
	 * neither answer blindly.
	 */
	static DiscoveryResult withCrossCheck(DiscoveryResult result, Field data, DiscoverySettings settings) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("method", "weak");
		try {
			DiscoveryResult weak = Discovery.discover(data, settings.withMethod("weak").withValidate(false));
			Map<String, Object> equations = new LinkedHashMap<>();
			boolean agrees = true;
			for (var e : result.equations()) {
				var other = weak.equations().stream().filter((w) -> w.lhs().equals(e.lhs())).findFirst();
				String text = other.map((w) -> w.text()).orElse(null);
				equations.put(e.lhs(), text);
				agrees &= other.isPresent() && other.get().coefficients().keySet().equals(e.coefficients().keySet());
			}
			check.put("equations", equations);
			check.put("sameTerms", agrees);
		}
		catch (IllegalArgumentException ex) {
			check.put("error", ex.getMessage());
		}
		Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
		metrics.put("crossCheck", check);
		return new DiscoveryResult(result.equations(), metrics, result.provenance());
	}

	/**
	 * The grid without {@link #EDGE_FRACTION} of its points at each end of every axis.
	 */
	static Grid crop(Grid grid) {
		List<Axis> axes = new ArrayList<>();
		for (Axis a : grid.axes()) {
			int cut = edgePoints(a.size());
			double[] v = java.util.Arrays.copyOfRange(a.values(), cut, a.size() - cut);
			axes.add(new Axis(a.name(), v));
		}
		return new Grid(axes);
	}

	/** Points left out at each end of an axis of {@code size} points. */
	public static int edgePoints(int size) {
		return (int) Math.floor(EDGE_FRACTION * size);
	}

}
