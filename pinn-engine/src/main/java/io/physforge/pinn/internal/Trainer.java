package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.pinn.PinnEquation;
import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.TrainingCancelledException;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;

/**
 * Runs Adam, then L-BFGS, on a {@link LossGraph}, reporting the loss curve and honouring
 * cancellation every step.
 */
public final class Trainer {

	/** What a run leaves behind. */
	public record Outcome(List<double[][]> weights, Normalisation normalisation, Map<String, Double> coefficients,
			Map<String, Double> losses, int steps, List<TrainingProgress> history, int parameters) {
	}

	private final PinnProblem problem;

	private final PinnSettings settings;

	private final PinnEquation equation;

	private final TrainingMonitor monitor;

	private final List<TrainingProgress> history = new ArrayList<>();

	private final Warm warm;

	private long start;

	private int steps;

	/**
	 * A warm start: the weights and normalisation of an earlier network on the same
	 * problem, and starting values of named coefficients (missing ones start at zero).
	 */
	public record Warm(List<double[][]> weights, Normalisation normalisation, Map<String, Double> coefficients) {
	}

	public Trainer(PinnProblem problem, PinnSettings settings, PinnEquation equation, TrainingMonitor monitor) {
		this(problem, settings, equation, monitor, null);
	}

	/** A trainer that starts from {@code warm} (null for Glorot initial weights). */
	public Trainer(PinnProblem problem, PinnSettings settings, PinnEquation equation, TrainingMonitor monitor,
			Warm warm) {
		this.problem = problem;
		this.settings = settings;
		this.equation = equation;
		this.monitor = monitor;
		this.warm = warm;
	}

	public Outcome run() {
		Backend.init();
		this.start = System.nanoTime();
		Normalisation norm = (this.warm != null) ? this.warm.normalisation() : normalisation(this.problem);
		Loss graph = new Loss(this.problem, this.settings, this.equation, norm);
		try {
			double[] theta = (this.warm != null) ? warmStart(graph) : graph.layout().initial(this.settings.seed());
			int total = this.settings.epochs() + this.settings.lbfgsIterations();
			Loss.Evaluation last = null;
			Adam adam = new Adam(theta.length);
			double best = Double.POSITIVE_INFINITY;
			int stale = 0;
			int adamRounds = (graph.hasResidual() && this.settings.lbfgsIterations() == 0)
					? this.settings.adaptiveRounds() : 0;
			int nextRound = 1;
			for (int step = 1; step <= this.settings.epochs(); step++) {
				checkCancel();
				if (nextRound <= adamRounds && step == nextRound * this.settings.epochs() / (adamRounds + 1)) {
					refine(graph, theta, nextRound++);
				}
				last = graph.evaluate(theta);
				double rate = this.settings.learningRate() * Math.pow(this.settings.learningRateDecay(), step / 1000.0);
				adam.step(theta, last.gradient(), rate);
				this.steps = step;
				if (step % this.settings.progressEvery() == 0 || step == this.settings.epochs()) {
					report("adam", total, last.losses(), graph.coefficients(theta));
					if (this.settings.patience() > 0) {
						if (last.total() < best * 0.999) {
							best = last.total();
							stale = 0;
						}
						else if (++stale >= this.settings.patience()) {
							break;
						}
					}
				}
			}
			int adamSteps = this.steps;
			int rounds = graph.hasResidual() ? this.settings.adaptiveRounds() : 0;
			int lbfgs = this.settings.lbfgsIterations();
			int done = 0;
			for (int round = 0; round < Math.max(1, rounds) && lbfgs > 0; round++) {
				if (rounds > 0) {
					refine(graph, theta, round);
				}
				int budget = (round == Math.max(1, rounds) - 1) ? lbfgs - done : lbfgs / Math.max(1, rounds);
				int offset = adamSteps + done;
				Map<String, Double>[] latest = new Map[1];
				done += Lbfgs.minimise((x, gOut) -> {
					checkCancel();
					Loss.Evaluation e = graph.evaluate(x);
					System.arraycopy(e.gradient(), 0, gOut, 0, gOut.length);
					latest[0] = e.losses();
					return e.total();
				}, theta, budget, (iteration, loss) -> {
					this.steps = offset + iteration;
					if (this.steps % this.settings.progressEvery() == 0) {
						report("lbfgs", total, latest[0], graph.coefficients(theta));
					}
					return true;
				});
			}
			last = graph.evaluate(theta);
			report(this.settings.lbfgsIterations() > 0 ? "lbfgs" : "adam", total, last.losses(),
					graph.coefficients(theta));
			return new Outcome(graph.layout().weights(theta), norm, graph.coefficients(theta), last.losses(),
					this.steps, List.copyOf(this.history), theta.length);
		}
		finally {
			graph.close();
		}
	}

	private double[] warmStart(Loss graph) {
		double[] theta = graph.layout().flatten(this.warm.weights());
		if (theta.length != graph.layout().size()) {
			throw new IllegalArgumentException("the warm start's weights do not fit the network of the settings");
		}
		int at = graph.layout().networkSize();
		for (String c : graph.coefficientNames()) {
			theta[at++] = this.warm.coefficients().getOrDefault(c, 0.0);
		}
		return theta;
	}

	/**
	 * Residual-based adaptive refinement: adds the {@code collocationPoints / 2}
	 * candidates (of ten times {@code collocationPoints} Latin-hypercube ones) with the
	 * largest residual.
	 */
	private void refine(Loss graph, double[] theta, int round) {
		int n = this.settings.collocationPoints();
		double[][] candidates = Collocation.points(this.problem, 10 * n, this.settings.seed() + 100 + round);
		double[] r = graph.squaredResiduals(theta, candidates);
		Integer[] order = new Integer[candidates.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
		double[][] worst = new double[n / 2][];
		for (int i = 0; i < worst.length; i++) {
			worst[i] = candidates[order[i]];
		}
		graph.addCollocation(worst);
	}

	private void checkCancel() {
		if (this.monitor.cancelled()) {
			throw new TrainingCancelledException(this.steps);
		}
	}

	private void report(String phase, int total, Map<String, Double> losses, Map<String, Double> coefficients) {
		TrainingProgress p = new TrainingProgress(this.steps, total, phase, new LinkedHashMap<>(losses),
				new LinkedHashMap<>(coefficients), (System.nanoTime() - this.start) / 1_000_000);
		this.history.add(p);
		this.monitor.progress(p);
	}

	/**
	 * Inputs over the box, outputs by the mean and spread of every target value given.
	 */
	static Normalisation normalisation(PinnProblem problem) {
		int d = problem.inputs().size();
		double[] center = new double[d];
		double[] half = new double[d];
		for (int k = 0; k < d; k++) {
			center[k] = 0.5 * (problem.lower()[k] + problem.upper()[k]);
			half[k] = 0.5 * (problem.upper()[k] - problem.lower()[k]);
		}
		int m = problem.outputs().size();
		double[] mean = new double[m];
		double[] scale = new double[m];
		for (int j = 0; j < m; j++) {
			double s = 0;
			double ss = 0;
			long n = 0;
			for (PinnProblem.Points p : List.of(problem.data(), problem.initial(), problem.boundary())) {
				for (double[] row : p.values()) {
					s += row[j];
					ss += row[j] * row[j];
					n++;
				}
			}
			mean[j] = (n == 0) ? 0 : s / n;
			double var = (n == 0) ? 0 : ss / n - mean[j] * mean[j];
			scale[j] = (var > 1e-24) ? Math.sqrt(var) : 1;
		}
		return new Normalisation(center, half, mean, scale);
	}

}
