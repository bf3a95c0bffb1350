package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.library.Factor;
import io.physforge.pinn.PinnEquation;
import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnSettings;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loss of a PINN as one SameDiff graph: weighted data, residual, boundary,
 * initial and regularisation terms, each also an output of its own so that they are
 * reported apart ({@code loss_data}, {@code loss_pde}, ...; {@code loss} is the total).
 *
 * <p>
 * Data terms are mean squared errors in normalised output units. The residual of each
 * equation {@code lhs = sum_i c_i theta_i} is divided by the scale of its left side in
 * network units ({@link Normalisation#derivativeFactor}), so that an O(1) residual means
 * an O(1) error of the normalised network's derivative, whatever the physical units.
 */
final class LossGraph {

	static final List<String> COMPONENTS = List.of("data", "pde", "boundary", "initial", "regularisation");

	private final SameDiff sd = SameDiff.create();

	private final Mlp mlp;

	private final Map<String, INDArray> placeholders = new LinkedHashMap<>();

	private final List<String> outputs = new ArrayList<>();

	private final List<String> coefficientNames;

	private final ParameterVector parameters;

	LossGraph(PinnProblem problem, PinnSettings settings, PinnEquation equation, Normalisation norm,
			List<double[][]> initialWeights, Map<String, Double> initialCoefficients) {
		this.mlp = new Mlp(this.sd, Architecture.widths(problem, settings), initialWeights, settings.seed());
		this.coefficientNames = (equation == null) ? List.of() : equation.coefficientNames();
		Map<String, SDVariable> coefficients = new LinkedHashMap<>();
		for (String c : this.coefficientNames) {
			double init = (initialCoefficients == null) ? 0.0 : initialCoefficients.getOrDefault(c, 0.0);
			coefficients.put(c, this.sd.var("coef_" + c, Nd4j.createFromArray(new double[][] { { init } })));
		}
		Map<String, SDVariable> parts = new LinkedHashMap<>();
		fitTerm(parts, "data", problem.data(), norm, settings.dataWeight());
		fitTerm(parts, "boundary", problem.boundary(), norm, settings.boundaryWeight());
		fitTerm(parts, "initial", problem.initial(), norm, settings.initialWeight());
		if (equation != null && settings.pdeWeight() > 0 && settings.collocationPoints() > 0) {
			SDVariable xc = this.sd.placeHolder("x_pde", DataType.DOUBLE, -1, problem.inputs().size());
			this.placeholders.put("x_pde", Nd4j.createFromArray(
					norm.inputs(Collocation.points(problem, settings.collocationPoints(), settings.seed() + 1))));
			Map<String, SDVariable> phys = PhysicalOutputs.build(this.sd, this.mlp, xc, equation.requiredNames(),
					problem.inputs(), problem.outputs(), norm);
			SDVariable total = null;
			for (PinnEquation.Equation e : equation.equations()) {
				SDVariable r = residual(e, phys, coefficients);
				int out = problem.outputs().indexOf(e.lhs().field());
				int[] orders = orders(e.lhs(), problem.inputs());
				SDVariable scaled = r.mul(1.0 / norm.derivativeFactor(out, orders));
				SDVariable mse = scaled.mul(scaled).mean();
				total = (total == null) ? mse : total.add(mse);
			}
			parts.put("pde", total.mul(settings.pdeWeight()));
		}
		if (settings.l2() > 0) {
			SDVariable reg = null;
			for (String name : this.mlp.variableNames()) {
				if (name.startsWith("W")) {
					SDVariable w = this.sd.getVariable(name);
					SDVariable s = w.mul(w).sum();
					reg = (reg == null) ? s : reg.add(s);
				}
			}
			parts.put("regularisation", reg.mul(settings.l2()));
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("nothing to fit: no data, initial or boundary points and no equation "
					+ "with collocation points; give data or a --pde with points");
		}
		SDVariable total = null;
		for (Map.Entry<String, SDVariable> e : parts.entrySet()) {
			e.getValue().rename("loss_" + e.getKey());
			this.outputs.add("loss_" + e.getKey());
			total = (total == null) ? e.getValue().add(0.0) : total.add(e.getValue());
		}
		total.rename("loss");
		this.outputs.add(0, "loss");
		this.sd.setLossVariables("loss");
		List<String> trainable = new ArrayList<>(this.mlp.variableNames());
		this.coefficientNames.forEach((c) -> trainable.add("coef_" + c));
		this.parameters = new ParameterVector(this.sd, trainable);
	}

	private void fitTerm(Map<String, SDVariable> parts, String name, PinnProblem.Points points, Normalisation norm,
			double weight) {
		if (points.size() == 0 || weight == 0) {
			return;
		}
		SDVariable x = this.sd.placeHolder("x_" + name, DataType.DOUBLE, -1, points.coordinates()[0].length);
		SDVariable y = this.sd.placeHolder("y_" + name, DataType.DOUBLE, -1, points.values()[0].length);
		this.placeholders.put("x_" + name, Nd4j.createFromArray(norm.inputs(points.coordinates())));
		this.placeholders.put("y_" + name, Nd4j.createFromArray(norm.outputs(points.values())));
		SDVariable prediction = this.mlp.forward(x, List.of()).value();
		SDVariable diff = prediction.sub(y);
		parts.put(name, diff.mul(diff).mean().mul(weight));
	}

	private SDVariable residual(PinnEquation.Equation e, Map<String, SDVariable> phys,
			Map<String, SDVariable> coefficients) {
		SDVariable r = phys.get(e.lhs().baseName());
		for (PinnEquation.EquationTerm t : e.terms()) {
			SDVariable product = null;
			for (Factor f : t.factors()) {
				SDVariable base = phys.get(f.baseName());
				for (int p = 0; p < f.power(); p++) {
					product = (product == null) ? base : product.mul(base);
				}
			}
			SDVariable term;
			if (t.coefficient() != null) {
				SDVariable c = coefficients.get(t.coefficient());
				term = (product == null) ? c : product.mul(c);
			}
			else {
				term = (product == null) ? null : product;
			}
			if (term == null) {
				r = r.sub(t.scale());
			}
			else {
				r = r.sub((t.scale() == 1.0) ? term : term.mul(t.scale()));
			}
		}
		return r;
	}

	static int[] orders(Factor f, List<String> inputs) {
		int[] orders = new int[inputs.size()];
		for (char c : f.axes().toCharArray()) {
			orders[inputs.indexOf(String.valueOf(c))]++;
		}
		return orders;
	}

	/**
	 * Loss components by name ({@code total} and those of {@link #COMPONENTS}) and the
	 * gradient.
	 */
	record Evaluation(Map<String, Double> losses, double[] gradient) {

		double total() {
			return this.losses.get("total");
		}

	}

	/** Loss and gradient at the parameters {@code theta}. */
	Evaluation evaluate(double[] theta) {
		this.parameters.set(theta);
		OutAndGrad og = this.sd.calculateGradientsAndOutputs(this.placeholders, this.outputs, this.parameters.names());
		Map<String, Double> losses = new LinkedHashMap<>();
		losses.put("total", og.getOutputs().get("loss").getDouble(0));
		for (String c : COMPONENTS) {
			INDArray v = og.getOutputs().get("loss_" + c);
			losses.put(c, (v == null) ? 0.0 : v.getDouble(0));
		}
		return new Evaluation(losses, this.parameters.flatten(og.getGradients()));
	}

	ParameterVector parameters() {
		return this.parameters;
	}

	List<String> coefficientNames() {
		return this.coefficientNames;
	}

	/** Current coefficient values. */
	Map<String, Double> coefficients() {
		Map<String, Double> m = new LinkedHashMap<>();
		for (String c : this.coefficientNames) {
			m.put(c, this.sd.getArrForVarName("coef_" + c).getDouble(0));
		}
		return m;
	}

	/** Current weights, W then b per layer. */
	List<double[][]> weights() {
		List<double[][]> w = new ArrayList<>();
		for (String name : this.mlp.variableNames()) {
			w.add(this.sd.getArrForVarName(name).toDoubleMatrix());
		}
		return w;
	}

}
