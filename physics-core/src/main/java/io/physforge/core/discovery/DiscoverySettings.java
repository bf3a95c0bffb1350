package io.physforge.core.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.physforge.core.ensemble.EnsembleSettings;
import io.physforge.core.selection.ModelSelection;

/**
 * Settings of a discovery. {@link #defaults()} chooses the formulation from the estimated
 * noise ({@code method = auto}): on clean data the strong form finds all PDE-FIND
 * reference equations (burgers, kdv, kuramoto_sivashinsky, nls) with exact structure and
 * coefficients within 0.04%; on noisy data the weak form finds them with exact structure
 * and errors below 7e-4 at 1% noise and 6e-3 at 10% (docs/benchmarks.md and the weak-form
 * tests have the measured numbers).
 *
 * @param targets fields to find an equation for ({@code u_t = ...}); empty for every
 * field
 * @param method formulation: {@code strong} (pointwise derivatives, PDE-FIND),
 * {@code weak} (weak form, {@link io.physforge.core.weak.WeakForm}) or {@code auto}: weak
 * when the estimated noise level makes the strong form unsafe (see
 * {@link Discovery#discover})
 * @param derivative spatial derivative method: {@code auto} (see
 * {@link Discovery#discover}), {@code fd}, {@code poly}, {@code sg} or {@code spectral}
 * @param derivativeOptions options of the derivative method (see
 * {@code Differentiators.byName(String, Map)}: {@code width}, {@code degree},
 * {@code accuracy}, ...), also used for the time derivative when it is the same method
 * @param timeDerivative time derivative method, or {@code auto}: the spatial method,
 * except {@code fd} when that is {@code spectral} (time is not periodic)
 * @param timeDerivativeOptions options of the time derivative method (ignored with
 * {@code auto}, which takes the spatial method's options)
 * @param maxOrder highest spatial derivative order in the library (1..4)
 * @param degree highest total power of the field monomials in the library
 * @param regression sparse regression of the strong form: {@code trainstridge} (automatic
 * tolerance), {@code stridge} or {@code stlsq} (fixed {@code threshold}); the weak form
 * uses MSTLS, or STLSQ when {@code regression} is {@code stlsq}
 * @param threshold tolerance of {@code stridge}/{@code stlsq} on normalised coefficients
 * (ignored by {@code trainstridge} and by the weak form's MSTLS)
 * @param lambda ridge parameter on unit-norm columns
 * @param l0Penalty {@code trainstridge}'s penalty per term, as a fraction of the target
 * norm
 * @param testFraction {@code trainstridge}'s held-out fraction of rows
 * @param maxRows largest number of grid points used as regression rows; more are
 * subsampled at random with {@code seed}
 * @param seed seed of the subsampling and of the train/test split
 * @param ensembleMembers bootstrap ensemble members
 * ({@link io.physforge.core.ensemble.Ensemble}): {@link #AUTO_ENSEMBLE} for 100 with the
 * weak form (cheap: the weak system is assembled once) and none with the strong form
 * (each member refits the whole point-wise system), 0 for none
 * @param inclusionThreshold inclusion probability from which an ensemble keeps a term
 * (0.5: majority vote)
 * @param libraryFraction fraction of the library each member sees (1: no library bagging)
 * @param selection model choice on the sparsity path: {@code method} (the regression's
 * own, or the ensemble's), {@code aic} or {@code bic} ({@link ModelSelection})
 * @param validate whether to re-simulate the discovered equations from the first time
 * slice ({@link io.physforge.core.validation.Validation})
 * @param productRule whether the weak form's library also has the products of a monomial
 * and one derivative that are not divergences ({@code u*u_xx}, {@code u*v_x}), by
 * integration by parts with a remainder from the data
 * ({@link io.physforge.core.weak.WeakFormSettings#withProductRule}); the strong form's
 * library always has them
 */
public record DiscoverySettings(List<String> targets, String method, String derivative,
		Map<String, String> derivativeOptions, String timeDerivative, Map<String, String> timeDerivativeOptions,
		int maxOrder, int degree, String regression, double threshold, double lambda, double l0Penalty,
		double testFraction, int maxRows, long seed, int ensembleMembers, double inclusionThreshold,
		double libraryFraction, String selection, boolean validate, boolean productRule) {

	/** Formulations accepted in {@link #method()}. */
	public static final List<String> METHODS = List.of("auto", "strong", "weak");

	/** Sparse regressions accepted in {@link #regression()} of the strong form. */
	public static final List<String> REGRESSIONS = List.of("trainstridge", "stridge", "stlsq");

	/**
	 * {@link #ensembleMembers()} value that means: 100 with the weak form, 0 (off) with
	 * the strong form.
	 */
	public static final int AUTO_ENSEMBLE = -1;

	/**
	 * The settings without ensemble, selection and validation choices (automatic
	 * ensemble, majority vote, no library bagging, the method's own model choice, no
	 * validation).
	 */
	public DiscoverySettings(List<String> targets, String method, String derivative,
			Map<String, String> derivativeOptions, String timeDerivative, Map<String, String> timeDerivativeOptions,
			int maxOrder, int degree, String regression, double threshold, double lambda, double l0Penalty,
			double testFraction, int maxRows, long seed) {
		this(targets, method, derivative, derivativeOptions, timeDerivative, timeDerivativeOptions, maxOrder, degree,
				regression, threshold, lambda, l0Penalty, testFraction, maxRows, seed, AUTO_ENSEMBLE,
				EnsembleSettings.DEFAULT_INCLUSION_THRESHOLD, 1.0, "method", false, false);
	}

	/**
	 * The settings without the weak form's product-rule terms.
	 */
	public DiscoverySettings(List<String> targets, String method, String derivative,
			Map<String, String> derivativeOptions, String timeDerivative, Map<String, String> timeDerivativeOptions,
			int maxOrder, int degree, String regression, double threshold, double lambda, double l0Penalty,
			double testFraction, int maxRows, long seed, int ensembleMembers, double inclusionThreshold,
			double libraryFraction, String selection, boolean validate) {
		this(targets, method, derivative, derivativeOptions, timeDerivative, timeDerivativeOptions, maxOrder, degree,
				regression, threshold, lambda, l0Penalty, testFraction, maxRows, seed, ensembleMembers,
				inclusionThreshold, libraryFraction, selection, validate, false);
	}

	public DiscoverySettings {
		targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
		Objects.requireNonNull(derivative, "derivative");
		derivativeOptions = Map.copyOf(Objects.requireNonNull(derivativeOptions, "derivativeOptions"));
		Objects.requireNonNull(timeDerivative, "timeDerivative");
		timeDerivativeOptions = Map.copyOf(Objects.requireNonNull(timeDerivativeOptions, "timeDerivativeOptions"));
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(regression, "regression");
		if (maxOrder < 1 || maxOrder > 4) {
			throw new IllegalArgumentException(
					"maximum derivative order must be 1 to 4 (the derivative methods support up to 4), got "
							+ maxOrder);
		}
		if (degree < 0 || degree > 5) {
			throw new IllegalArgumentException("library degree must be 0 to 5, got " + degree);
		}
		if (!METHODS.contains(method)) {
			throw new IllegalArgumentException("unknown discovery method '" + method + "'; use one of " + METHODS);
		}
		if (!REGRESSIONS.contains(regression)) {
			throw new IllegalArgumentException("unknown regression '" + regression + "'; use one of " + REGRESSIONS);
		}
		if (!(threshold >= 0) || !(lambda >= 0) || !(l0Penalty >= 0)) {
			throw new IllegalArgumentException("threshold, lambda and l0Penalty must be >= 0");
		}
		if (!(testFraction > 0 && testFraction < 1)) {
			throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
		}
		if (ensembleMembers < AUTO_ENSEMBLE || ensembleMembers > 100_000) {
			throw new IllegalArgumentException(
					"ensemble members must be -1 (auto: 100 with the weak form, off with the strong), 0 (off) or up to 100000, got "
							+ ensembleMembers);
		}
		if (!(inclusionThreshold > 0 && inclusionThreshold <= 1)) {
			throw new IllegalArgumentException("inclusion threshold must be in (0, 1], got " + inclusionThreshold);
		}
		if (!(libraryFraction > 0 && libraryFraction <= 1)) {
			throw new IllegalArgumentException(
					"library fraction must be in (0, 1] (1 = no library bagging), got " + libraryFraction);
		}
		Objects.requireNonNull(selection, "selection");
		if (!ModelSelection.CRITERIA.contains(selection)) {
			throw new IllegalArgumentException(
					"unknown model selection '" + selection + "'; use one of " + ModelSelection.CRITERIA);
		}
		if (maxRows < 100) {
			throw new IllegalArgumentException("maxRows must be at least 100, got " + maxRows);
		}
	}

	/**
	 * All fields, automatic formulation (weak form on noisy data), automatic derivative
	 * choice ({@link Discovery#AUTO_DERIVATIVES}, time derivative by the same method),
	 * derivative order 4, degree 3, TrainSTRidge with lambda 1e-5 and L0 penalty 0.01,
	 * 20% test rows, at most 100 000 rows, seed 0.
	 */
	public static DiscoverySettings defaults() {
		return new DiscoverySettings(List.of(), "auto", "auto", Map.of(), "auto", Map.of(), 4, 3, "trainstridge", 0.05,
				1e-5, 0.01, 0.2, 100_000, 0L);
	}

	public DiscoverySettings withTargets(List<String> newTargets) {
		return new DiscoverySettings(newTargets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	public DiscoverySettings withDerivative(String newDerivative) {
		return new DiscoverySettings(this.targets, this.method, newDerivative, Map.of(), this.timeDerivative,
				this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression, this.threshold, this.lambda,
				this.l0Penalty, this.testFraction, this.maxRows, this.seed, this.ensembleMembers,
				this.inclusionThreshold, this.libraryFraction, this.selection, this.validate, this.productRule);
	}

	/** Another derivative method with options. */
	public DiscoverySettings withDerivative(String newDerivative, Map<String, String> options) {
		return new DiscoverySettings(this.targets, this.method, newDerivative, options, this.timeDerivative,
				this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression, this.threshold, this.lambda,
				this.l0Penalty, this.testFraction, this.maxRows, this.seed, this.ensembleMembers,
				this.inclusionThreshold, this.libraryFraction, this.selection, this.validate, this.productRule);
	}

	public DiscoverySettings withTimeDerivative(String newTimeDerivative) {
		return withTimeDerivative(newTimeDerivative, Map.of());
	}

	/** Another time derivative method with options. */
	public DiscoverySettings withTimeDerivative(String newTimeDerivative, Map<String, String> newOptions) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				newTimeDerivative, newOptions, this.maxOrder, this.degree, this.regression, this.threshold, this.lambda,
				this.l0Penalty, this.testFraction, this.maxRows, this.seed, this.ensembleMembers,
				this.inclusionThreshold, this.libraryFraction, this.selection, this.validate, this.productRule);
	}

	public DiscoverySettings withMaxOrder(int newMaxOrder) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, newMaxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	public DiscoverySettings withDegree(int newDegree) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, newDegree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	/** Another formulation: {@code auto}, {@code strong} or {@code weak}. */
	public DiscoverySettings withMethod(String newMethod) {
		return new DiscoverySettings(this.targets, newMethod, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	/** Another sparse regression with its threshold. */
	public DiscoverySettings withRegression(String newRegression, double newThreshold) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, newRegression,
				newThreshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	public DiscoverySettings withL0Penalty(double newL0Penalty) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, newL0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	public DiscoverySettings withMaxRows(int newMaxRows) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, newMaxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	public DiscoverySettings withSeed(long newSeed) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, newSeed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				this.productRule);
	}

	/** Ensemble members (-1 auto, 0 off), inclusion threshold and library fraction. */
	public DiscoverySettings withEnsemble(int members, double newInclusionThreshold, double newLibraryFraction) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed, members,
				newInclusionThreshold, newLibraryFraction, this.selection, this.validate, this.productRule);
	}

	/** Model selection: {@code method}, {@code aic} or {@code bic}. */
	public DiscoverySettings withSelection(String newSelection) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, newSelection, this.validate,
				this.productRule);
	}

	/** Whether to re-simulate the discovered equations ({@code metrics.validation}). */
	public DiscoverySettings withValidate(boolean newValidate) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, newValidate,
				this.productRule);
	}

	/**
	 * Whether the weak form's library has the product-rule terms ({@code u*u_xx}, ...).
	 */
	public DiscoverySettings withProductRule(boolean newProductRule) {
		return new DiscoverySettings(this.targets, this.method, this.derivative, this.derivativeOptions,
				this.timeDerivative, this.timeDerivativeOptions, this.maxOrder, this.degree, this.regression,
				this.threshold, this.lambda, this.l0Penalty, this.testFraction, this.maxRows, this.seed,
				this.ensembleMembers, this.inclusionThreshold, this.libraryFraction, this.selection, this.validate,
				newProductRule);
	}

	/** The ensemble for a formulation ({@code strong} or {@code weak}), auto resolved. */
	public EnsembleSettings ensembleFor(String formulation) {
		int members = (this.ensembleMembers == AUTO_ENSEMBLE)
				? (formulation.equals("weak") ? EnsembleSettings.DEFAULT_MEMBERS : 0) : this.ensembleMembers;
		return new EnsembleSettings(members, this.inclusionThreshold, this.libraryFraction, this.seed);
	}

	/** The time derivative method after resolving {@code auto}. */
	public String resolvedTimeDerivative() {
		if (!this.timeDerivative.equals("auto")) {
			return this.timeDerivative;
		}
		return this.derivative.equals("spectral") ? "fd" : this.derivative;
	}

	/** The time derivative options after resolving {@code auto}. */
	public Map<String, String> resolvedTimeDerivativeOptions() {
		if (!this.timeDerivative.equals("auto")) {
			return this.timeDerivativeOptions;
		}
		return this.derivative.equals("spectral") ? Map.of() : this.derivativeOptions;
	}

	/** The settings as a map, for provenance. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("targets", this.targets);
		m.put("method", this.method);
		m.put("derivative", this.derivative);
		m.put("derivativeOptions", this.derivativeOptions);
		m.put("timeDerivative", resolvedTimeDerivative());
		m.put("timeDerivativeOptions", resolvedTimeDerivativeOptions());
		m.put("maxOrder", this.maxOrder);
		m.put("degree", this.degree);
		m.put("regression", this.regression);
		m.put("threshold", this.threshold);
		m.put("lambda", this.lambda);
		m.put("l0Penalty", this.l0Penalty);
		m.put("testFraction", this.testFraction);
		m.put("maxRows", this.maxRows);
		m.put("seed", this.seed);
		m.put("ensembleMembers", this.ensembleMembers);
		m.put("inclusionThreshold", this.inclusionThreshold);
		m.put("libraryFraction", this.libraryFraction);
		m.put("selection", this.selection);
		m.put("validate", this.validate);
		return m;
	}

}
