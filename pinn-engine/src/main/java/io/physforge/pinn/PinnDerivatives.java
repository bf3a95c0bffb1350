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
import io.physforge.core.library.CandidateLibrary;

/**
 * A PINN as the derivative source of discovery ({@code physforge discover --derivative
 * pinn}): a network is fitted to the noisy field (data loss only, unless an equation is
 * given), then, by default, trained further with the residual of the candidate support
 * that it can satisfy without losing the fit to the data ({@link Physics}); the field and
 * every derivative the candidate library needs are evaluated exactly on the grid from the
 * final network and handed to {@link Discovery#discoverFromDerivatives}. Measured
 * (docs/benchmarks.md): PDE-FIND's Burgers and KdV with 10% noise, exact structure,
 * coefficients within 2.5%; the data-only network gets KdV wrong.
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
			if (Physics.KEYS.contains(e.getKey())) {
				continue;
			}
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
	 * How physics enters the denoising fit of {@link #discover}.
	 *
	 * <ul>
	 * <li>{@code none}: data loss only; the network's derivatives go to the regression as
	 * they are.</li>
	 * <li>{@code path} (the default): physics-constrained selection along the regression
	 * path. Candidate supports: the regression's on the data-only network, the weak
	 * form's on the raw data, and one of each size from backward elimination inside the
	 * regression's support (the term whose removal raises the least-squares residual
	 * least dropped in turn); sparsest first, each is imposed as a residual with
	 * trainable coefficients (starting at least squares) while the network keeps fitting
	 * the data (warm start, {@code iterations} L-BFGS iterations), and the first whose
	 * network still fits the data within {@code 1 + tolerance} of the data-only misfit is
	 * taken; the strong-form regression then runs on that physics-trained network's
	 * derivatives. A right support can be satisfied without giving up the fit to the
	 * data; a support missing a term cannot, and a data-only network that smooths what it
	 * cannot resolve (the narrow KdV solitons) makes the plain regression add spurious
	 * terms that only absorb its bias. This is sparsity in the loop as in DeepMoD (Both,
	 * Choudhury, Sens and Kusters, "DeepMoD: Deep learning for model discovery in noisy
	 * data", J. Comput. Phys. 428, 109985, 2021), with the support chosen by the
	 * constrained fit to the data instead of by thresholding the network's own
	 * coefficients.</li>
	 * <li>{@code sparse}: DeepMoD's loop as published: the regression's support on the
	 * data-only network becomes the residual, the network is trained with it, the
	 * regression runs again on the new network's derivatives, until its support stops
	 * changing or after {@code rounds} rounds. Measured on KdV with 10% noise it keeps
	 * the data-only regression's spurious terms: a network trained with a residual
	 * satisfies that residual, so the regression on it returns the same support
	 * (docs/benchmarks.md).</li>
	 * </ul>
	 *
	 * @param mode {@code none}, {@code path} or {@code sparse}
	 * @param rounds most rounds of {@code sparse}
	 * @param iterations L-BFGS iterations per physics-constrained training
	 * @param tolerance relative excess of the data misfit over the data-only fit up to
	 * which {@code path} accepts a support; NaN ({@code auto}, the default) for two
	 * standard errors of a noise variance estimated from the data points,
	 * {@code 2 sqrt(2 / n)} (3.2% for 8,000 points)
	 */
	public record Physics(String mode, int rounds, int iterations, double tolerance) {

		/** The {@code --derivative-option} keys read here (not PINN settings). */
		public static final List<String> KEYS = List.of("physics", "physicsRounds", "physicsIterations",
				"physicsTolerance");

		/** Modes offered. */
		public static final List<String> MODES = List.of("none", "path", "sparse");

		public Physics {
			if (!MODES.contains(mode)) {
				throw new IllegalArgumentException("physics: '" + mode + "' is not offered; use one of " + MODES);
			}
			if (rounds < 1 || rounds > 20 || iterations < 1 || tolerance < 0) {
				throw new IllegalArgumentException(
						"physicsRounds must be 1 to 20, physicsIterations >= 1 and physicsTolerance >= 0, got " + rounds
								+ ", " + iterations + ", " + tolerance);
			}
		}

		/**
		 * The default: {@code path}, 300 L-BFGS iterations per candidate, automatic
		 * tolerance ({@code rounds} 4 for {@code sparse}).
		 */
		public static Physics defaults() {
			return new Physics("path", 4, 300, Double.NaN);
		}

		/**
		 * From {@code --derivative-option} pairs ({@code physics=none|sparse|library},
		 * {@code physicsRounds=4}, {@code physicsIterations=500}); other keys ignored.
		 */
		public static Physics from(Map<String, String> options) {
			Physics d = defaults();
			try {
				return new Physics(options.getOrDefault("physics", d.mode()).trim(),
						Integer.parseInt(options.getOrDefault("physicsRounds", String.valueOf(d.rounds())).trim()),
						Integer
							.parseInt(options.getOrDefault("physicsIterations", String.valueOf(d.iterations())).trim()),
						options.getOrDefault("physicsTolerance", "auto").trim().equals("auto") ? Double.NaN
								: Double.parseDouble(options.get("physicsTolerance").trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("physicsRounds and physicsIterations take whole numbers: " + ex);
			}
		}

		Map<String, Object> asMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("mode", this.mode);
			m.put("rounds", this.rounds);
			m.put("iterations", this.iterations);
			m.put("tolerance", Double.isNaN(this.tolerance) ? "auto" : this.tolerance);
			return m;
		}

	}

	/**
	 * Discovery with PINN derivatives and the default {@link Physics} (or the settings'
	 * equation, when they give one).
	 */
	public static DiscoveryResult discover(Field data, DiscoverySettings settings, PinnSettings pinn,
			TrainingMonitor monitor) {
		return discover(data, settings, pinn, Physics.defaults(), monitor);
	}

	/**
	 * Discovery with PINN derivatives: fits, evaluates what the library of
	 * {@code settings} needs, and regresses, with physics in the loop as {@code physics}
	 * says (ignored when {@code pinn} gives its own equation). The result's provenance
	 * records the fit (settings, losses, steps, time) as its derivative source, and
	 * {@code metrics.physics} the mode and the sequence of supports.
	 */
	public static DiscoveryResult discover(Field data, DiscoverySettings settings, PinnSettings pinn, Physics physics,
			TrainingMonitor monitor) {
		PinnProblem problem = PinnProblem.fromField(data, pinn.dataPoints(), pinn.seed())
			.withInputSha256(io.physforge.core.discovery.internal.DataHash.of(data));
		PinnResult fit = PinnTrainer.train(problem, pinn, monitor);
		return discoverFrom(data, problem, fit, settings, pinn, physics, monitor);
	}

	/**
	 * The physics rounds of {@link #discover} from an already fitted data-only network
	 * {@code fit} on {@code problem} (a problem of {@link PinnProblem#fromField} on
	 * {@code data}).
	 */
	public static DiscoveryResult discoverFrom(Field data, PinnProblem problem, PinnResult fit,
			DiscoverySettings settings, PinnSettings pinn, Physics physics, TrainingMonitor monitor) {
		List<String> fields = data.fieldNames();
		List<String> names = Discovery.requiredDerivatives(data.grid(), fields, settings);
		Grid cropped = crop(data.grid());
		boolean loop = pinn.pde() == null && !physics.mode().equals("none");
		List<Map<String, Object>> rounds = new ArrayList<>();
		long steps = fit.steps();
		long millis = fit.durationMillis();
		Field features = fit.model().evaluate(cropped, names);
		DiscoveryResult result = Discovery.discoverFromDerivatives(features, fields, settings, Map.of());
		rounds.add(round("data", null, fit, result));
		boolean converged = false;
		Map<String, Object> selection = null;
		Weak weak = null;
		if (loop && physics.mode().equals("path")) {
			List<DiscoveryResult> proposals = new ArrayList<>(List.of(result));
			weak = weakForm(data, settings);
			if (weak.result() != null) {
				proposals.add(weak.result());
			}
			List<Map<String, java.util.Set<String>>> candidates = candidates(features, fields, settings, pinn.seed(),
					result, proposals);
			Selected chosen = selectByConstrainedFit(data, problem, fit, features, candidates, settings, pinn, physics,
					monitor, rounds);
			steps += chosen.steps();
			millis += chosen.millis();
			selection = chosen.metrics();
			converged = chosen.accepted();
			if (chosen.fit() != null) {
				fit = chosen.fit();
				features = chosen.features();
			}
		}
		for (int round = 1; loop && physics.mode().equals("sparse") && round <= physics.rounds(); round++) {
			Map<String, Double> start = new LinkedHashMap<>();
			String pde = equationText(result, fields, start);
			if (pde == null) {
				break;
			}
			PinnSettings s = pinn.withPde(pde).withEpochs(0, physics.iterations());
			PinnResult next = PinnTrainer.train(problem, s, monitor, fit.model(), start);
			Field nextFeatures = next.model().evaluate(cropped, names);
			DiscoveryResult r = Discovery.discoverFromDerivatives(nextFeatures, fields, settings, Map.of());
			rounds.add(round("residual", pde, next, r));
			steps += next.steps();
			millis += next.durationMillis();
			boolean same = supports(r).equals(supports(result));
			fit = next;
			features = nextFeatures;
			result = r;
			if (same) {
				converged = true;
				break;
			}
		}
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("method", "pinn");
		source.put("architecture", fit.model().architecture());
		source.put("settings", pinn.asMap());
		source.put("physics", physics.asMap());
		source.put("losses", fit.losses());
		source.put("steps", steps);
		source.put("durationMillis", millis);
		source.put("edgeFraction", EDGE_FRACTION);
		source.put("backend", fit.provenance().get("backend"));
		result = Discovery.discoverFromDerivatives(features, fields, settings, source);
		Map<String, Object> physicsMetrics = new LinkedHashMap<>(physics.asMap());
		if (!loop) {
			physicsMetrics.put("mode", (pinn.pde() != null) ? "given equation" : "none");
		}
		physicsMetrics.put("converged", converged);
		if (selection != null) {
			physicsMetrics.put("selection", selection);
		}
		physicsMetrics.put("rounds", rounds);
		Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
		metrics.put("physics", physicsMetrics);
		return withCrossCheck(new DiscoveryResult(result.equations(), metrics, result.provenance()),
				(weak != null) ? weak : weakForm(data, settings));
	}

	/**
	 * A constrained training whose data misfit is still above this many times the
	 * data-only one after a third of its iterations is stopped: its residual costs more
	 * than the noise itself, so the support is missing a term.
	 */
	static final double EARLY_REJECTION = 2.0;

	/** Relays a monitor, and cancels once the data loss shows the support is wrong. */
	private static final class EarlyRejection implements TrainingMonitor {

		private final TrainingMonitor outer;

		private final int after;

		private final double limit;

		private double misfit = Double.NaN;

		private boolean reject;

		EarlyRejection(TrainingMonitor outer, int after, double limit) {
			this.outer = outer;
			this.after = after;
			this.limit = limit;
		}

		@Override
		public void progress(TrainingProgress p) {
			this.outer.progress(p);
			this.misfit = p.losses().getOrDefault("data", Double.NaN);
			if (p.step() >= this.after && this.misfit > this.limit) {
				this.reject = true;
			}
		}

		@Override
		public boolean cancelled() {
			return this.reject || this.outer.cancelled();
		}

	}

	/** The outcome of {@link #selectByConstrainedFit}. */
	private record Selected(PinnResult fit, Field features, boolean accepted, long steps, long millis,
			Map<String, Object> metrics) {
	}

	/**
	 * Physics-constrained selection among candidate supports (see {@link Physics}):
	 * sparsest first, each is imposed as a residual while the network keeps fitting the
	 * data, and the first whose network fits the data within {@code 1 + tolerance} of the
	 * data-only misfit is taken; none accepted, the one of least misfit.
	 */
	private static Selected selectByConstrainedFit(Field data, PinnProblem problem, PinnResult start, Field features,
			List<Map<String, java.util.Set<String>>> candidates, DiscoverySettings settings, PinnSettings pinn,
			Physics physics, TrainingMonitor monitor, List<Map<String, Object>> rounds) {
		List<String> fields = data.fieldNames();
		Columns columns = new Columns(features, fields, settings, pinn.seed());
		double base = dataMisfit(start.model(), problem);
		double tolerance = Double.isNaN(physics.tolerance()) ? 2 * Math.sqrt(2.0 / problem.data().size())
				: physics.tolerance();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dataOnlyMisfit", base);
		m.put("tolerance", tolerance);
		List<Map<String, Object>> tried = new ArrayList<>();
		m.put("candidates", tried);
		long steps = 0;
		long millis = 0;
		PinnResult best = null;
		Field bestFeatures = null;
		double bestMisfit = Double.POSITIVE_INFINITY;
		List<String> names = Discovery.requiredDerivatives(data.grid(), fields, settings);
		Grid cropped = crop(data.grid());
		for (Map<String, java.util.Set<String>> candidate : candidates) {
			Map<String, Map<String, Double>> fitted = new LinkedHashMap<>();
			for (Map.Entry<String, java.util.Set<String>> e : candidate.entrySet()) {
				fitted.put(e.getKey(), columns.leastSquares(e.getKey(), e.getValue()));
			}
			Map<String, Double> coefficients = new LinkedHashMap<>();
			String pde = residualText(fitted, fields, coefficients);
			PinnSettings s = pinn.withPde(pde).withEpochs(0, physics.iterations());
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("residual", pde);
			EarlyRejection early = new EarlyRejection(monitor, physics.iterations() / 3,
					EARLY_REJECTION * pinn.dataWeight() * base);
			PinnResult next;
			try {
				next = PinnTrainer.train(problem, s, early, start.model(), coefficients);
			}
			catch (TrainingCancelledException ex) {
				if (monitor.cancelled()) {
					throw ex;
				}
				steps += ex.step();
				c.put("misfit", early.misfit / pinn.dataWeight());
				c.put("ratio", early.misfit / pinn.dataWeight() / base);
				c.put("rejectedEarly", ex.step());
				tried.add(c);
				continue;
			}
			steps += next.steps();
			millis += next.durationMillis();
			double misfit = dataMisfit(next.model(), problem);
			c.put("equation", next.model().equation());
			c.put("misfit", misfit);
			c.put("ratio", misfit / base);
			c.put("durationMillis", next.durationMillis());
			tried.add(c);
			boolean accept = misfit <= (1 + tolerance) * base;
			if (misfit < bestMisfit || accept) {
				bestMisfit = misfit;
				best = next;
				bestFeatures = next.model().evaluate(cropped, names);
				DiscoveryResult r = Discovery.discoverFromDerivatives(bestFeatures, fields, settings, Map.of());
				rounds.add(round("residual", pde, next, r));
			}
			if (accept) {
				m.put("chosen", pde);
				return new Selected(best, bestFeatures, true, steps, millis, m);
			}
		}
		m.put("chosen", (best == null) ? null : best.model().equation());
		return new Selected(best, bestFeatures, false, steps, millis, m);
	}

	/**
	 * The candidate supports of {@code path}, sparsest first (ties in the order given),
	 * without repeats: each of {@code proposals} (the regression on the data-only
	 * network, the weak form), and every support on the backward-elimination path inside
	 * the data-only regression's support (least squares on unit-norm columns, the term of
	 * least {@code |c_j| ||theta_j||} dropped in turn, per equation).
	 */
	static List<Map<String, java.util.Set<String>>> candidates(Field features, List<String> fields,
			DiscoverySettings settings, long seed, DiscoveryResult regression, List<DiscoveryResult> proposals) {
		Columns columns = new Columns(features, fields, settings, seed);
		List<Map<String, java.util.Set<String>>> out = new ArrayList<>();
		for (DiscoveryResult r : proposals) {
			Map<String, java.util.Set<String>> s = supports(r);
			if (!out.contains(s) && s.values().stream().noneMatch(java.util.Set::isEmpty)) {
				out.add(s);
			}
		}
		Map<String, List<java.util.Set<String>>> paths = new LinkedHashMap<>();
		int longest = 0;
		for (Map.Entry<String, java.util.Set<String>> e : supports(regression).entrySet()) {
			List<java.util.Set<String>> path = columns.eliminationPath(e.getKey(), e.getValue());
			paths.put(e.getKey(), path);
			longest = Math.max(longest, path.size());
		}
		for (int size = 1; size <= longest; size++) {
			Map<String, java.util.Set<String>> s = new LinkedHashMap<>();
			for (Map.Entry<String, List<java.util.Set<String>>> e : paths.entrySet()) {
				List<java.util.Set<String>> path = e.getValue();
				if (!path.isEmpty()) {
					s.put(e.getKey(), path.get(Math.min(size, path.size()) - 1));
				}
			}
			if (!out.contains(s) && !s.isEmpty()) {
				out.add(s);
			}
		}
		out.sort(java.util.Comparator.comparingInt((s) -> s.values().stream().mapToInt(java.util.Set::size).sum()));
		return out;
	}

	/**
	 * The library's columns on at most 20,000 rows of a derivative set (drawn with a
	 * seed), for least squares on a support and backward elimination.
	 */
	private static final class Columns {

		private final Map<String, double[]> columns = new LinkedHashMap<>();

		private final Map<String, Double> norms = new LinkedHashMap<>();

		private final Map<String, double[]> base = new LinkedHashMap<>();

		Columns(Field features, List<String> fields, DiscoverySettings settings, long seed) {
			List<String> spatial = features.grid().requireTimeAndSpace();
			CandidateLibrary library = CandidateLibrary.polynomial(fields, spatial, settings.degree(),
					settings.maxOrder());
			int n = features.grid().size();
			int m = Math.min(n, 20_000);
			int[] rows = PinnProblem.sample(n, m, seed);
			for (String name : features.fieldNames()) {
				double[] all = features.values(name);
				double[] v = new double[m];
				for (int i = 0; i < m; i++) {
					v[i] = all[rows[i]];
				}
				this.base.put(name, v);
			}
			for (var term : library.terms()) {
				double[] c = new double[m];
				term.evaluate(this.base::get, c);
				double s = 0;
				for (double v : c) {
					s += v * v;
				}
				this.columns.put(term.name(), c);
				this.norms.put(term.name(), Math.sqrt(s));
			}
		}

		/** Squared residual of the least-squares fit of {@code lhs} on {@code terms}. */
		double residual(String lhs, java.util.Set<String> terms) {
			double[] y = this.base.get(lhs);
			double[] fit = new double[y.length];
			for (Map.Entry<String, Double> e : leastSquares(lhs, terms).entrySet()) {
				double[] c = this.columns.get(e.getKey());
				for (int i = 0; i < y.length; i++) {
					fit[i] += e.getValue() * c[i];
				}
			}
			double s = 0;
			for (int i = 0; i < y.length; i++) {
				s += (y[i] - fit[i]) * (y[i] - fit[i]);
			}
			return s;
		}

		/**
		 * Least-squares coefficients of {@code lhs} on {@code terms}, in library order.
		 */
		Map<String, Double> leastSquares(String lhs, java.util.Set<String> terms) {
			List<String> names = new ArrayList<>();
			for (String t : this.columns.keySet()) {
				if (terms.contains(t)) {
					names.add(t);
				}
			}
			double[][] x = new double[names.size()][];
			boolean[] all = new boolean[names.size()];
			for (int j = 0; j < x.length; j++) {
				x[j] = this.columns.get(names.get(j));
				all[j] = true;
			}
			if (x.length == 0) {
				return Map.of();
			}
			double[] c = io.physforge.core.regression.LeastSquares.solve(x, all, this.base.get(lhs));
			Map<String, Double> out = new LinkedHashMap<>();
			for (int j = 0; j < x.length; j++) {
				out.put(names.get(j), c[j]);
			}
			return out;
		}

		/**
		 * Supports of size 1 to {@code terms.size()} by backward elimination: the term
		 * whose removal raises the least-squares residual least goes first (robust to a
		 * pair of collinear terms, whose large opposite coefficients would keep both if
		 * terms were ranked by coefficient size).
		 */
		List<java.util.Set<String>> eliminationPath(String lhs, java.util.Set<String> terms) {
			java.util.LinkedList<java.util.Set<String>> path = new java.util.LinkedList<>();
			java.util.Set<String> support = new java.util.TreeSet<>(terms);
			while (!support.isEmpty()) {
				path.addFirst(new java.util.TreeSet<>(support));
				String weakest = null;
				double least = Double.POSITIVE_INFINITY;
				for (String t : support) {
					java.util.Set<String> rest = new java.util.TreeSet<>(support);
					rest.remove(t);
					double r = residual(lhs, rest);
					if (r < least) {
						least = r;
						weakest = t;
					}
				}
				support.remove(weakest);
			}
			return new ArrayList<>(path);
		}

	}

	/**
	 * Mean squared misfit of the network to the problem's data points, in units of each
	 * output's spread (the data loss at unit weight).
	 */
	public static double dataMisfit(PinnModel model, PinnProblem problem) {
		PinnProblem.Points p = problem.data();
		Map<String, double[]> v = model.evaluate(model.outputs(), p.coordinates());
		double s = 0;
		for (int j = 0; j < model.outputs().size(); j++) {
			double[] pred = v.get(model.outputs().get(j));
			double scale = model.normalisation().scale()[j];
			for (int i = 0; i < p.size(); i++) {
				double d = (pred[i] - p.values()[i][j]) / scale;
				s += d * d;
			}
		}
		return s / ((double) p.size() * model.outputs().size());
	}

	private static Map<String, Object> round(String kind, String pde, PinnResult fit, DiscoveryResult r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("loss", kind);
		if (pde != null) {
			m.put("residual", pde);
		}
		m.put("steps", fit.steps());
		m.put("durationMillis", fit.durationMillis());
		m.put("losses", fit.losses());
		m.put("found", r.equations().stream().map((e) -> e.text()).toList());
		return m;
	}

	private static Map<String, java.util.Set<String>> supports(DiscoveryResult r) {
		Map<String, java.util.Set<String>> m = new LinkedHashMap<>();
		for (var e : r.equations()) {
			m.put(e.lhs(), new java.util.TreeSet<>(e.coefficients().keySet()));
		}
		return m;
	}

	/**
	 * The residual equation of a {@code sparse} round: every discovered term times a
	 * named coefficient, whose starting value (the regression's) goes to {@code start};
	 * null when an equation has no term.
	 */
	static String equationText(DiscoveryResult r, List<String> fields, Map<String, Double> start) {
		Map<String, Map<String, Double>> found = new LinkedHashMap<>();
		for (var e : r.equations()) {
			if (e.coefficients().isEmpty()) {
				return null;
			}
			found.put(e.lhs(), e.coefficients());
		}
		return residualText(found, fields, start);
	}

	/**
	 * The residual equation {@code lhs = c1*term + c2*term; ...} of terms with starting
	 * coefficients (by left-hand side): each term gets a coefficient name
	 * {@code c1, c2, ...} that is not a field name, and its starting value goes to
	 * {@code start}.
	 */
	private static String residualText(Map<String, Map<String, Double>> equations, List<String> fields,
			Map<String, Double> start) {
		List<String> parts = new ArrayList<>();
		int k = 0;
		for (Map.Entry<String, Map<String, Double>> e : equations.entrySet()) {
			StringBuilder sb = new StringBuilder(e.getKey()).append(" =");
			for (Map.Entry<String, Double> term : e.getValue().entrySet()) {
				String name;
				do {
					name = "c" + (++k);
				}
				while (fields.contains(name));
				start.put(name, term.getValue());
				sb.append(sb.charAt(sb.length() - 1) == '=' ? " " : " + ").append(name);
				if (!term.getKey().equals("1")) {
					sb.append('*').append(term.getKey());
				}
			}
			parts.add(sb.toString());
		}
		return String.join("; ", parts);
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
		return withCrossCheck(result, weakForm(data, settings));
	}

	/** The weak form's result on the raw data, or why it could not run. */
	record Weak(DiscoveryResult result, String error) {
	}

	static Weak weakForm(Field data, DiscoverySettings settings) {
		try {
			return new Weak(Discovery.discover(data, settings.withMethod("weak").withValidate(false)), null);
		}
		catch (IllegalArgumentException ex) {
			return new Weak(null, ex.getMessage());
		}
	}

	static DiscoveryResult withCrossCheck(DiscoveryResult result, Weak weakForm) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("method", "weak");
		if (weakForm.result() == null) {
			check.put("error", weakForm.error());
		}
		else {
			DiscoveryResult weak = weakForm.result();
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
