package io.physforge.core.simulate.internal;

import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Runs a {@link SpectralEquation} with {@link Etdrk4} from its initial condition to every
 * output time. Between two output times the step is {@code dt / n} with
 * {@code n = ceil(dt / hmax)}, {@code hmax} the user's maximal step or else the model's
 * accuracy/stability limit evaluated on the state at the start of the interval, so output
 * times are hit exactly and the coefficient cache is reused for equal intervals.
 */
public final class SpectralSolver {

	/** Refuse more steps than this per output interval: the run would take hours. */
	static final long MAX_STEPS_PER_INTERVAL = 10_000_000L;

	private SpectralSolver() {
	}

	/**
	 * What a run produced: per field, the flat values over {@code (t, x[, y])}; the
	 * number of steps and the smallest and largest step taken.
	 */
	public record Outcome(double[][] fields, long steps, double minStep, double maxStep) {
	}

	/**
	 * Integrates {@code equation} with complete, checked parameters.
	 * @throws IllegalStateException when the solution stops being finite
	 */
	public static Outcome solve(SpectralEquation equation, Map<String, Double> p, SimulationSettings s) {
		int ny = s.twoDimensional() ? s.ny() : 1;
		SpectralGrid g = new SpectralGrid(s.nx(), s.xLength(), ny, s.yLength());
		double dx = s.xLength() / s.nx();
		if (s.twoDimensional()) {
			dx = Math.min(dx, s.yLength() / s.ny());
		}
		SpectralModel model = equation.model(p, g, dx);
		double[][] initial = equation.initialFields(s.initialCondition(), p, s);
		int n = g.size();
		int nf = equation.fields().size();
		int nt = s.timeCount();
		double[][] out = new double[nf][Math.multiplyExact(nt, n)];
		for (int f = 0; f < nf; f++) {
			checkFinite(initial[f], equation, s.time(0), "the initial condition");
			System.arraycopy(initial[f], 0, out[f], 0, n);
		}
		double[][] state = toState(equation, initial, g);
		Etdrk4 stepper = new Etdrk4(model.linear(), model.nonlinearity());
		double[][] physical = initial;
		double minStep = Double.POSITIVE_INFINITY;
		double maxStep = 0;
		for (int i = 1; i < nt; i++) {
			double dt = s.time(i) - s.time(i - 1);
			double hmax = (s.timeStep() > 0) ? s.timeStep() : model.maxStep().applyAsDouble(physical);
			long count = (hmax >= dt) ? 1 : (long) Math.ceil(dt / hmax * (1 - 1e-12));
			if (count > MAX_STEPS_PER_INTERVAL) {
				throw new IllegalStateException(equation.name() + " would need " + count + " steps between t="
						+ s.time(i - 1) + " and t=" + s.time(i) + " (step limit " + hmax
						+ "); the solution is too large for this grid: check parameters, initial condition or timeStep");
			}
			double h = dt / count;
			stepper.advance(state, h, (int) count);
			minStep = Math.min(minStep, h);
			maxStep = Math.max(maxStep, h);
			physical = toPhysical(equation, state, g);
			for (int f = 0; f < nf; f++) {
				checkFinite(physical[f], equation, s.time(i), "the solution");
				System.arraycopy(physical[f], 0, out[f], i * n, n);
			}
		}
		return new Outcome(out, stepper.steps(), (nt > 1) ? minStep : 0, maxStep);
	}

	private static double[][] toState(SpectralEquation e, double[][] fields, SpectralGrid g) {
		int n = g.size();
		double[][] state = new double[e.components()][2 * n];
		for (int q = 0; q < e.components(); q++) {
			for (int j = 0; j < n; j++) {
				if (e.complexState()) {
					state[q][2 * j] = fields[0][j];
					state[q][2 * j + 1] = fields[1][j];
				}
				else {
					state[q][2 * j] = fields[q][j];
				}
			}
			g.forward(state[q]);
		}
		return state;
	}

	private static double[][] toPhysical(SpectralEquation e, double[][] state, SpectralGrid g) {
		int n = g.size();
		double[][] fields = new double[e.fields().size()][n];
		double[] work = g.newArray();
		for (int q = 0; q < e.components(); q++) {
			g.toPhysical(state[q], work);
			for (int j = 0; j < n; j++) {
				if (e.complexState()) {
					fields[0][j] = work[2 * j];
					fields[1][j] = work[2 * j + 1];
				}
				else {
					fields[q][j] = work[2 * j];
				}
			}
		}
		return fields;
	}

	private static void checkFinite(double[] values, SpectralEquation e, double t, String what) {
		for (double v : values) {
			if (!Double.isFinite(v)) {
				throw new IllegalStateException(e.name() + ": " + what + " is not finite at t=" + t
						+ "; the solution blew up: reduce timeStep, refine the grid or check the parameters");
			}
		}
	}

}
