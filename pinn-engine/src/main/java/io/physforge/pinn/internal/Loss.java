package io.physforge.pinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.library.Factor;
import io.physforge.pinn.PinnEquation;
import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnSettings;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loss of a PINN and its gradient: weighted data, residual, boundary,
 * initial and regularisation terms, each also reported apart.
 *
 * <p>
 * Data terms are mean squared errors in normalised output units. The residual of each
 * equation {@code lhs = sum_i c_i theta_i} is divided by the scale of its left side in
 * network units ({@link Normalisation#derivativeFactor}), so that an O(1) residual means
 * an O(1) error of the normalised network's derivative, whatever the physical units.
 * Every evaluation runs inside one ND4J workspace that is reused from step to step, so a
 * step allocates no new off-heap memory once the workspace has learned its size.
 */
final class Loss {

	static final List<String> COMPONENTS = List.of("data", "pde", "boundary", "initial", "regularisation");

	private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
		.initialSize(0)
		.policyAllocation(AllocationPolicy.OVERALLOCATE)
		.overallocationLimit(0.2)
		.policyLearning(LearningPolicy.FIRST_LOOP)
		.policySpill(SpillPolicy.REALLOCATE)
		.build();

	private final String workspaceId = "pf-pinn-loss-" + System.identityHashCode(this);

	private final PinnSettings settings;

	private final PinnEquation equation;

	private final Normalisation norm;

	private final Mlp mlp;

	private final ParameterLayout layout;

	private final List<String> coefficientNames;

	private final Map<String, INDArray[]> fitSets = new LinkedHashMap<>();

	private final Map<String, Double> fitWeights = new LinkedHashMap<>();

	private INDArray collocation;

	private final DerivativePlan plan;

	private final int outputs;

	private final List<String> outputNames;

	private final List<String> inputNames;

	/**
	 * Loss components by name ({@code total} and {@link #COMPONENTS}) and the gradient.
	 */
	record Evaluation(Map<String, Double> losses, double[] gradient) {

		double total() {
			return this.losses.get("total");
		}

	}

	Loss(PinnProblem problem, PinnSettings settings, PinnEquation equation, Normalisation norm) {
		this.settings = settings;
		this.equation = equation;
		this.norm = norm;
		this.outputs = problem.outputs().size();
		this.outputNames = problem.outputs();
		this.inputNames = problem.inputs();
		int[] widths = Architecture.widths(problem, settings);
		this.mlp = new Mlp(widths);
		this.coefficientNames = (equation == null) ? List.of() : equation.coefficientNames();
		this.layout = new ParameterLayout(widths, this.coefficientNames.size());
		addFitSet("data", problem.data(), settings.dataWeight());
		addFitSet("boundary", problem.boundary(), settings.boundaryWeight());
		addFitSet("initial", problem.initial(), settings.initialWeight());
		boolean residual = equation != null && settings.pdeWeight() > 0 && settings.collocationPoints() > 0;
		if (residual) {
			this.collocation = Nd4j.createFromArray(
					norm.inputs(Collocation.points(problem, settings.collocationPoints(), settings.seed() + 1)));
			this.plan = new DerivativePlan(equation.requiredNames(), problem.inputs(), problem.outputs());
		}
		else {
			this.collocation = null;
			this.plan = null;
		}
		if (this.fitSets.isEmpty() && !residual) {
			throw new IllegalArgumentException("nothing to fit: no data, initial or boundary points and no equation "
					+ "with collocation points; give data or a --pde with points");
		}
	}

	private void addFitSet(String name, PinnProblem.Points points, double weight) {
		if (points.size() > 0 && weight > 0) {
			this.fitSets.put(name, new INDArray[] { Nd4j.createFromArray(this.norm.inputs(points.coordinates())),
					Nd4j.createFromArray(this.norm.outputs(points.values())) });
			this.fitWeights.put(name, weight);
		}
	}

	ParameterLayout layout() {
		return this.layout;
	}

	List<String> coefficientNames() {
		return this.coefficientNames;
	}

	/** Loss and gradient at the parameters {@code theta}. */
	Evaluation evaluate(double[] theta) {
		try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, this.workspaceId)) {
			Tape tape = new Tape();
			List<Tape.Node> params = this.layout.nodes(tape, theta, true);
			Map<String, Tape.Node> parts = new LinkedHashMap<>();
			for (Map.Entry<String, INDArray[]> e : this.fitSets.entrySet()) {
				Tape.Node x = tape.constant(e.getValue()[0]);
				Tape.Node y = tape.constant(e.getValue()[1]);
				Tape.Node diff = tape.sub(this.mlp.forward(tape, params, x, List.of()).value(), y);
				parts.put(e.getKey(), tape.scale(tape.mean(tape.mul(diff, diff)), this.fitWeights.get(e.getKey())));
			}
			if (this.plan != null) {
				Tape.Node squares = squaredResiduals(tape, params, tape.constant(this.collocation));
				parts.put("pde", tape.scale(tape.mean(squares), this.settings.pdeWeight()));
			}
			if (this.settings.l2() > 0) {
				Tape.Node reg = null;
				for (int l = 0; l < this.mlp.depth(); l++) {
					Tape.Node w = params.get(2 * l);
					Tape.Node s = tape.sum(tape.mul(w, w));
					reg = (reg == null) ? s : tape.add(reg, s);
				}
				parts.put("regularisation", tape.scale(reg, this.settings.l2()));
			}
			Tape.Node total = null;
			for (Tape.Node p : parts.values()) {
				total = (total == null) ? p : tape.add(total, p);
			}
			tape.backward(total);
			Map<String, Double> losses = new LinkedHashMap<>();
			losses.put("total", total.value.getDouble(0));
			for (String c : COMPONENTS) {
				Tape.Node p = parts.get(c);
				losses.put(c, (p == null) ? 0.0 : p.value.getDouble(0));
			}
			return new Evaluation(losses, this.layout.gradient(params));
		}
	}

	/**
	 * Per point, the sum over equations of the squared scaled residual ({@code n x 1}).
	 */
	private Tape.Node squaredResiduals(Tape tape, List<Tape.Node> params, Tape.Node x) {
		Map<String, Tape.Node> phys = PhysicalOutputs.build(tape, this.mlp, params, x, this.plan, this.outputs,
				this.norm);
		int firstCoefficient = 2 * this.mlp.depth();
		Tape.Node total = null;
		for (PinnEquation.Equation e : this.equation.equations()) {
			Tape.Node r = phys.get(e.lhs().baseName());
			for (PinnEquation.EquationTerm t : e.terms()) {
				Tape.Node product = null;
				for (Factor f : t.factors()) {
					Tape.Node base = phys.get(f.baseName());
					for (int p = 0; p < f.power(); p++) {
						product = (product == null) ? base : tape.mul(product, base);
					}
				}
				Tape.Node term = product;
				if (t.coefficient() != null) {
					Tape.Node c = params.get(firstCoefficient + this.coefficientNames.indexOf(t.coefficient()));
					term = (product == null) ? c : tape.mul(product, c);
				}
				if (term == null) {
					r = tape.shift(r, -t.scale());
				}
				else {
					r = tape.sub(r, (t.scale() == 1.0) ? term : tape.scale(term, t.scale()));
				}
			}
			int out = this.outputNames.indexOf(e.lhs().field());
			Tape.Node scaled = tape.scale(r, 1.0 / this.norm.derivativeFactor(out, orders(e.lhs())));
			Tape.Node sq = tape.mul(scaled, scaled);
			total = (total == null) ? sq : tape.add(total, sq);
		}
		return total;
	}

	private int[] orders(Factor f) {
		int[] orders = new int[this.inputNames.size()];
		for (char c : f.axes().toCharArray()) {
			orders[this.inputNames.indexOf(String.valueOf(c))]++;
		}
		return orders;
	}

	/** Whether the loss has an equation residual. */
	boolean hasResidual() {
		return this.plan != null;
	}

	int collocationCount() {
		return (this.collocation == null) ? 0 : (int) this.collocation.rows();
	}

	/**
	 * The squared scaled residual at physical points, forward only (no gradient).
	 * @param theta the parameters
	 * @param points {@code n x inputs}
	 */
	double[] squaredResiduals(double[] theta, double[][] points) {
		double[] out = new double[points.length];
		for (int from = 0; from < points.length; from += Evaluator.BATCH) {
			int to = Math.min(points.length, from + Evaluator.BATCH);
			try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, this.workspaceId)) {
				Tape tape = new Tape();
				List<Tape.Node> params = this.layout.nodes(tape, theta, false);
				Tape.Node x = tape
					.constant(Nd4j.createFromArray(this.norm.inputs(java.util.Arrays.copyOfRange(points, from, to))));
				double[] v = squaredResiduals(tape, params, x).value.dup('c').data().asDouble();
				System.arraycopy(v, 0, out, from, v.length);
			}
		}
		return out;
	}

	/** Adds collocation points (physical coordinates). */
	void addCollocation(double[][] points) {
		INDArray extra = Nd4j.createFromArray(this.norm.inputs(points));
		this.collocation = Nd4j.concat(0, this.collocation, extra);
	}

	/** The coefficients stored at the end of {@code theta}. */
	Map<String, Double> coefficients(double[] theta) {
		Map<String, Double> m = new LinkedHashMap<>();
		int at = this.layout.networkSize();
		for (String c : this.coefficientNames) {
			m.put(c, theta[at++]);
		}
		return m;
	}

	/** Releases the workspace's memory. */
	void close() {
		Nd4j.getWorkspaceManager()
			.destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(this.workspaceId));
	}

}
