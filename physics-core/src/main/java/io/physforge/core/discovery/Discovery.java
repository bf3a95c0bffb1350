package io.physforge.core.discovery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.derivative.Derivatives;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.discovery.internal.DataHash;
import io.physforge.core.discovery.internal.RowSelection;
import io.physforge.core.discovery.internal.Versions;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.library.CandidateLibrary;
import io.physforge.core.library.Factor;
import io.physforge.core.ensemble.EnsembleSettings;
import io.physforge.core.regression.LeastSquares;
import io.physforge.core.selection.SupportChoice;
import io.physforge.core.regression.SparseFit;
import io.physforge.core.regression.SparseRegressor;
import io.physforge.core.regression.StRidge;
import io.physforge.core.regression.Stlsq;
import io.physforge.core.regression.TrainStRidge;
import io.physforge.core.validation.Validation;
import io.physforge.core.weak.NoiseEstimate;
import io.physforge.core.weak.WeakForm;
import io.physforge.core.weak.WeakFormSettings;

/**
 * Sparse-regression discovery of {@code f_t = sum_j c_j theta_j} for each field {@code f}
 * (PDE-FIND: Rudy, Brunton, Proctor and Kutz, "Data-driven discovery of partial
 * differential equations", Sci. Adv. 3, e1602614, 2017).
 *
 * <p>
 * Steps: (1) every derivative factor of the {@link CandidateLibrary} and the time
 * derivative are computed on the whole grid with the differentiators named in the
 * settings; (2) the points within {@link Differentiator#unreliableEdge(int)} of either
 * end of an axis are dropped and, on large grids, at most {@code maxRows} of the others
 * are drawn at random (seeded); (3) the library is evaluated on those rows and each time
 * derivative is regressed on it ({@link TrainStRidge} by default); (4) the support is
 * refitted by QR least squares.
 *
 * <p>
 * Measured with the defaults on the clean PDE-FIND data (DiscoverCommandTest,
 * DiscoveryBench): exact structure on burgers, kdv, kuramoto_sivashinsky and nls, worst
 * relative coefficient errors 0.002%, 0.03%, 0.02% and 0.04%; burgers at 1% noise: exact
 * structure, 3.1% worst error (seeds 1-3; the wide PolyDiff is chosen). KdV at 1% noise
 * is not recovered by the strong form (spurious {@code u^k u_x} terms): local polynomial
 * derivatives of its narrow solitons are too noisy. That is why {@code method = auto}
 * (the default) estimates the noise level first ({@link NoiseEstimate}) and uses the weak
 * form ({@link WeakForm}; Messenger and Bortz 2021) when it is at least
 * {@link #WEAK_FORM_NOISE_LEVEL}: the weak form recovers all PDE-FIND sets, KdV included,
 * at 1% and 10% noise with coefficient errors below 7e-4 and 6e-3
 * (WeakFormReferenceTest).
 *
 * <p>
 * Every term carries {@code inclusion} and {@code ci}: from a bootstrap ensemble
 * ({@link io.physforge.core.ensemble.Ensemble}; by default 100 members with the weak
 * form, none with the strong form, see {@link DiscoverySettings#ensembleMembers()}), or
 * inclusion 1 and the least-squares 95% interval. Each equation's metrics hold the
 * sparsity path ({@code candidates}: support, complexity, relative residual, AIC, BIC,
 * Pareto flag, chosen flag; {@link io.physforge.core.selection.ModelSelection}); with
 * {@link DiscoverySettings#validate()} the metrics hold {@code validation}, the
 * re-simulation error of the discovered equations
 * ({@link io.physforge.core.validation.Validation}).
 */
public final class Discovery {

	private Discovery() {
	}

	/**
	 * The derivative methods tried by {@code derivative = "auto"}: 4th-order finite
	 * differences (best on clean, well-resolved data), PDE-FIND's PolyDiff with its
	 * defaults (degree 5, 5 points each side) and with the wider window PDE-FIND uses on
	 * noisy data (degree 4, 10 points each side).
	 */
	public static final List<Map<String, Object>> AUTO_DERIVATIVES = List.of(
			Map.of("name", "fd", "options", Map.of("accuracy", "4")),
			Map.of("name", "poly", "options", Map.of("width", "5", "degree", "5")),
			Map.of("name", "poly", "options", Map.of("width", "10", "degree", "4")));

	/**
	 * Discovers one equation per target field of {@code data}. With
	 * {@code derivative = "auto"} the pipeline runs with each of
	 * {@link #AUTO_DERIVATIVES} and keeps the result of least penalised test error
	 * {@code sum over equations of (testResidual + l0Penalty * terms)}: the same
	 * criterion that TrainSTRidge uses to choose a tolerance, applied to the choice of
	 * derivative estimate (the tried methods and their scores are in the metrics under
	 * {@code derivativeSelection}).
	 */
	/**
	 * Estimated relative noise level ({@code sigma / std(u)}, {@link NoiseEstimate}) from
	 * which {@code method = auto} uses the weak form: the clean PDE-FIND files estimate
	 * at most 2e-5, 1% noise estimates within 1.5% of 0.01, and pointwise derivatives
	 * already lose terms at 1% noise (KdV).
	 */
	public static final double WEAK_FORM_NOISE_LEVEL = 1e-3;

	/**
	 * Discovers one equation per target field of {@code data} with the formulation named
	 * by {@link DiscoverySettings#method()}. {@code auto} estimates the noise level of
	 * each target field and uses the weak form when the largest reaches
	 * {@link #WEAK_FORM_NOISE_LEVEL} and every axis is uniform (the weak form needs equal
	 * spacing), the strong form otherwise. The metrics carry {@code method} (the one
	 * used), {@code noiseLevel} per field and, for {@code auto}, {@code methodSelection}
	 * (why).
	 */
	public static DiscoveryResult discover(Field data, DiscoverySettings settings) {
		Map<String, Object> selection = new LinkedHashMap<>();
		Map<String, Double> noise = noiseLevels(data, settings);
		String method = settings.method();
		if (method.equals("auto")) {
			double worst = noise.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			boolean uniform = data.grid().axes().stream().allMatch(Axis::isUniform);
			method = (worst >= WEAK_FORM_NOISE_LEVEL && uniform) ? "weak" : "strong";
			selection.put("requested", "auto");
			selection.put("threshold", WEAK_FORM_NOISE_LEVEL);
			selection.put("largestNoiseLevel", worst);
			selection.put("uniformGrid", uniform);
			selection.put("chosen", method);
		}
		DiscoveryResult result = method.equals("weak")
				? WeakForm.discover(data, weakSettings(settings), settings.ensembleFor("weak"), settings.selection())
				: discoverStrong(data, settings);
		Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
		metrics.put("method", method);
		metrics.put("noiseLevel", noise);
		if (!selection.isEmpty()) {
			metrics.put("methodSelection", selection);
		}
		if (settings.validate()) {
			metrics.put("validation", Validation.validate(data, result.equations()).asMap());
		}
		return new DiscoveryResult(result.equations(), metrics, result.provenance());
	}

	/** The weak-form settings that correspond to {@code settings}. */
	static WeakFormSettings weakSettings(DiscoverySettings settings) {
		WeakFormSettings weak = WeakFormSettings.defaults()
			.withTargets(settings.targets())
			.withLibrary(settings.degree(), settings.maxOrder())
			.withSeed(settings.seed())
			.withProductRule(settings.productRule());
		return settings.regression().equals("stlsq") ? weak.withThreshold(settings.threshold()) : weak;
	}

	private static Map<String, Double> noiseLevels(Field data, DiscoverySettings settings) {
		Map<String, Double> levels = new LinkedHashMap<>();
		boolean spatial = data.grid().axes().stream().anyMatch((a) -> !a.name().equals("t") && a.size() >= 16);
		if (!spatial) {
			return levels;
		}
		List<String> targets = settings.targets().isEmpty() ? data.fieldNames() : settings.targets();
		for (String field : targets) {
			if (data.hasField(field)) {
				levels.put(field, NoiseEstimate.level(data, field));
			}
		}
		return levels;
	}

	private static DiscoveryResult discoverStrong(Field data, DiscoverySettings settings) {
		if (!settings.derivative().equals("auto")) {
			return discoverWith(data, settings);
		}
		long start = System.nanoTime();
		DiscoveryResult best = null;
		double bestScore = Double.POSITIVE_INFINITY;
		List<Map<String, Object>> tried = new ArrayList<>();
		for (Map<String, Object> candidate : AUTO_DERIVATIVES) {
			@SuppressWarnings("unchecked")
			Map<String, String> options = (Map<String, String>) candidate.get("options");
			DiscoverySettings s = settings.withDerivative((String) candidate.get("name"), options);
			DiscoveryResult r = discoverWith(data, s);
			double score = score(r, settings);
			Map<String, Object> t = new LinkedHashMap<>(candidate);
			t.put("score", score);
			tried.add(t);
			if (score < bestScore) {
				bestScore = score;
				best = r;
			}
		}
		Map<String, Object> metrics = new LinkedHashMap<>(best.metrics());
		metrics.put("derivativeSelection", tried);
		metrics.put("timeMillis", (System.nanoTime() - start) / 1_000_000);
		Map<String, Object> provSettings = new LinkedHashMap<>(best.provenance().settings());
		provSettings.put("chosenDerivative", provSettings.get("derivative"));
		provSettings.put("chosenDerivativeOptions", provSettings.get("derivativeOptions"));
		provSettings.put("derivative", "auto");
		provSettings.put("derivativeOptions", Map.of());
		Provenance p = best.provenance();
		return new DiscoveryResult(best.equations(), metrics,
				new Provenance(p.input(), p.inputSha256(), provSettings, p.seed(), p.version(), p.timestamp()));
	}

	private static double score(DiscoveryResult result, DiscoverySettings settings) {
		double score = 0;
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> eqs = (Map<String, Map<String, Object>>) result.metrics().get("equations");
		for (Map<String, Object> e : eqs.values()) {
			Object test = e.getOrDefault("testResidual", e.get("relativeResidual"));
			double r = ((Number) test).doubleValue();
			score += r + ((Number) e.get("terms")).doubleValue()
					* Math.max(settings.l0Penalty(), TrainStRidge.DEFAULT_RELATIVE_L0_PENALTY * r);
		}
		return score;
	}

	private static DiscoveryResult discoverWith(Field data, DiscoverySettings settings) {
		long start = System.nanoTime();
		Grid grid = data.grid();
		List<String> spatial = grid.requireTimeAndSpace();
		List<String> fields = data.fieldNames();
		List<String> targets = settings.targets().isEmpty() ? fields : settings.targets();
		for (String t : targets) {
			if (!data.hasField(t)) {
				throw new IllegalArgumentException(
						"no field '" + t + "' to find an equation for; fields are " + fields);
			}
		}
		Differentiator space = Differentiators.byName(settings.derivative(), settings.derivativeOptions());
		Differentiator time = Differentiators.byName(settings.resolvedTimeDerivative(),
				settings.resolvedTimeDerivativeOptions());
		CandidateLibrary library = CandidateLibrary.polynomial(fields, spatial, settings.degree(), settings.maxOrder());

		int[] trim = new int[grid.rank()];
		for (int d = 0; d < grid.rank(); d++) {
			String name = grid.axes().get(d).name();
			if (name.equals("t")) {
				trim[d] = time.unreliableEdge(1);
			}
			else {
				for (int order = 1; order <= settings.maxOrder(); order++) {
					trim[d] = Math.max(trim[d], space.unreliableEdge(order));
				}
			}
		}
		int[] rows = RowSelection.select(grid, trim, settings.maxRows(), settings.seed());
		if (rows.length < 2 * library.size()) {
			throw new IllegalArgumentException("only " + rows.length + " grid points remain after trimming the edges, "
					+ "too few for a library of " + library.size()
					+ " terms; use more points, a lower --max-order or --degree");
		}

		Map<String, double[]> base = new HashMap<>();
		for (String f : fields) {
			base.put(f, RowSelection.gather(data.values(f), rows));
		}
		for (Factor factor : library.derivativeFactors()) {
			base.put(factor.baseName(),
					RowSelection.gather(derivative(space, grid, data.values(factor.field()), factor.axes()), rows));
		}
		List<double[]> lhs = new ArrayList<>();
		for (String t : targets) {
			lhs.add(RowSelection.gather(time.differentiate(grid, data.values(t), "t", 1), rows));
		}
		Map<String, Object> provSettings = new LinkedHashMap<>(settings.asMap());
		provSettings.put("spatialDerivative", Map.of("name", space.name(), "settings", space.settings()));
		provSettings.put("timeDerivativeSettings", Map.of("name", time.name(), "settings", time.settings()));
		provSettings.put("trim", trimMap(grid, trim));
		return regress(library, targets, base, lhs, grid, settings, provSettings,
				"field " + data.fieldNames() + " on " + grid, DataHash.of(data), start);
	}

	/**
	 * The canonical names of the values that {@link #discoverFromDerivatives} needs for
	 * {@code fields} on {@code grid} under {@code settings}: each target's time
	 * derivative ({@code u_t}), each field, and every derivative factor of the candidate
	 * library ({@code u_x, u_xx, ..., u_xy}).
	 */
	public static List<String> requiredDerivatives(Grid grid, List<String> fields, DiscoverySettings settings) {
		List<String> spatial = grid.requireTimeAndSpace();
		CandidateLibrary library = CandidateLibrary.polynomial(fields, spatial, settings.degree(), settings.maxOrder());
		List<String> names = new ArrayList<>(fields);
		for (String t : settings.targets().isEmpty() ? fields : settings.targets()) {
			names.add(t + "_t");
		}
		for (Factor factor : library.derivativeFactors()) {
			if (!names.contains(factor.baseName())) {
				names.add(factor.baseName());
			}
		}
		return names;
	}

	/**
	 * Strong-form discovery from derivatives computed elsewhere, for example by a
	 * physics-informed network ({@code --derivative pinn}) or by the derivative service.
	 * {@code features} holds the fields themselves ({@code u}) and every name of
	 * {@link #requiredDerivatives} ({@code u_t, u_x, u_xx, ...}) on one grid; they are
	 * taken as exact, so no edge is trimmed. The regression, ensemble, selection and JSON
	 * contract are those of {@link #discover} with {@code method = strong}.
	 * @param features values and derivatives on one grid
	 * @param fields names of the fields (the others are their derivatives)
	 * @param source how the derivatives were computed (kept in the provenance)
	 * @throws IllegalArgumentException naming every missing derivative
	 */
	public static DiscoveryResult discoverFromDerivatives(Field features, List<String> fields,
			DiscoverySettings settings, Map<String, Object> source) {
		long start = System.nanoTime();
		Grid grid = features.grid();
		List<String> spatial = grid.requireTimeAndSpace();
		List<String> targets = settings.targets().isEmpty() ? fields : settings.targets();
		List<String> missing = new ArrayList<>();
		for (String name : requiredDerivatives(grid, fields, settings)) {
			if (!features.hasField(name)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("the derivative set lacks " + missing + " (it has "
					+ features.fieldNames() + "); compute them too, or lower --max-order / --degree");
		}
		CandidateLibrary library = CandidateLibrary.polynomial(fields, spatial, settings.degree(), settings.maxOrder());
		int[] rows = RowSelection.select(grid, new int[grid.rank()], settings.maxRows(), settings.seed());
		if (rows.length < 2 * library.size()) {
			throw new IllegalArgumentException("only " + rows.length + " points in the derivative set, too few for a "
					+ "library of " + library.size() + " terms; use more points, a lower --max-order or --degree");
		}
		Map<String, double[]> base = new HashMap<>();
		for (String name : requiredDerivatives(grid, fields, settings)) {
			base.put(name, RowSelection.gather(features.values(name), rows));
		}
		List<double[]> lhs = new ArrayList<>();
		for (String t : targets) {
			lhs.add(base.get(t + "_t"));
		}
		Map<String, Object> provSettings = new LinkedHashMap<>(settings.asMap());
		provSettings.put("derivativeSource", source);
		return regress(library, targets, base, lhs, grid, settings, provSettings,
				"derivatives " + features.fieldNames() + " on " + grid, DataHash.of(features), start);
	}

	private static DiscoveryResult regress(CandidateLibrary library, List<String> targets, Map<String, double[]> base,
			List<double[]> lhs, Grid grid, DiscoverySettings settings, Map<String, Object> provSettings, String input,
			String inputHash, long start) {
		int nRows = lhs.get(0).length;
		double[][] columns = new double[library.size()][];
		for (int j = 0; j < library.size(); j++) {
			columns[j] = new double[nRows];
			library.terms().get(j).evaluate(base::get, columns[j]);
		}
		base.clear();

		SparseRegressor regressor = regressor(settings);
		List<SparseFit> fits = regressor.fit(columns, lhs);
		EnsembleSettings ensemble = settings.ensembleFor("strong");

		List<DiscoveredEquation> equations = new ArrayList<>();
		Map<String, Object> perEquation = new LinkedHashMap<>();
		for (int m = 0; m < targets.size(); m++) {
			double[] methodCoef = fits.get(m).coefficients();
			boolean[] methodSupport = new boolean[methodCoef.length];
			for (int j = 0; j < methodCoef.length; j++) {
				methodSupport[j] = methodCoef[j] != 0;
			}
			SupportChoice choice = SupportChoice.choose(columns, library.names(), lhs.get(m), methodSupport,
					(c, y) -> regressor.fit(c, y).coefficients(), ensemble, nRows, settings.selection());
			double[] coef = java.util.Arrays.equals(choice.support(), methodSupport) ? methodCoef
					: LeastSquares.solve(columns, choice.support(), lhs.get(m));
			double[] se = (choice.ensemble() == null) ? SupportChoice.standardErrors(columns, lhs.get(m), coef) : null;
			List<TermCoefficient> terms = new ArrayList<>();
			for (int j = 0; j < coef.length; j++) {
				if (coef[j] != 0) {
					String name = library.terms().get(j).name();
					terms.add((se != null) ? TermCoefficient.withStandardError(name, coef[j], se[j])
							: new TermCoefficient(name, coef[j], choice.ensemble().ciAround(j, coef[j]),
									choice.ensemble().inclusion()[j]));
				}
			}
			String lhsName = targets.get(m) + "_t";
			equations.add(DiscoveredEquation.of(lhsName, terms));
			Map<String, Object> em = new LinkedHashMap<>(fits.get(m).details());
			em.putAll(choice.metrics());
			double rel = LeastSquares.relativeResidual(columns, coef, lhs.get(m));
			em.put("relativeResidual", rel);
			em.put("r2", r2(rel, lhs.get(m)));
			em.put("terms", terms.size());
			perEquation.put(lhsName, em);
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("rows", nRows);
		metrics.put("gridPoints", grid.size());
		metrics.put("librarySize", library.size());
		metrics.put("library", library.names());
		metrics.put("equations", perEquation);
		metrics.put("timeMillis", (System.nanoTime() - start) / 1_000_000);

		provSettings.put("regression", regressor.settings());
		Provenance provenance = new Provenance(input, inputHash, provSettings, settings.seed(), Versions.physicsCore(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		return new DiscoveryResult(equations, metrics, provenance);
	}

	private static double[] derivative(Differentiator d, Grid grid, double[] values, String axes) {
		Map<String, Integer> orders = new LinkedHashMap<>();
		for (int i = 0; i < axes.length(); i++) {
			orders.merge(String.valueOf(axes.charAt(i)), 1, Integer::sum);
		}
		if (orders.size() == 1) {
			Map.Entry<String, Integer> e = orders.entrySet().iterator().next();
			return d.differentiate(grid, values, e.getKey(), e.getValue());
		}
		return Derivatives.mixed(d, grid, values, orders);
	}

	private static SparseRegressor regressor(DiscoverySettings s) {
		return switch (s.regression()) {
			case "stlsq" -> new Stlsq(s.threshold(), 10);
			case "stridge" -> new StRidge(s.lambda(), s.threshold(), 10);
			default -> new TrainStRidge(s.lambda(), 0.01, 25, 10, s.l0Penalty(),
					TrainStRidge.DEFAULT_RELATIVE_L0_PENALTY, s.testFraction(), 60, true, s.seed());
		};
	}

	private static double r2(double relativeResidual, double[] y) {
		double mean = 0;
		double yy = 0;
		for (double v : y) {
			mean += v;
			yy += v * v;
		}
		mean /= y.length;
		double ssTot = yy - y.length * mean * mean;
		double ssRes = relativeResidual * relativeResidual * yy;
		return (ssTot > 0) ? 1 - ssRes / ssTot : Double.NaN;
	}

	private static Map<String, Integer> trimMap(Grid grid, int[] trim) {
		Map<String, Integer> m = new LinkedHashMap<>();
		for (int d = 0; d < grid.rank(); d++) {
			m.put(grid.axes().get(d).name(), trim[d]);
		}
		return m;
	}

}
