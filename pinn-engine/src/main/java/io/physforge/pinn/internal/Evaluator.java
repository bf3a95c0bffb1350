package io.physforge.pinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a trained network and its derivatives by name at any points, in batches of
 * {@value #BATCH} points, forward only.
 */
public final class Evaluator {

	static final int BATCH = 8192;

	private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
		.initialSize(0)
		.policyAllocation(AllocationPolicy.OVERALLOCATE)
		.overallocationLimit(0.2)
		.policyLearning(LearningPolicy.FIRST_LOOP)
		.policySpill(SpillPolicy.REALLOCATE)
		.build();

	private final List<String> names;

	private final Normalisation norm;

	private final Mlp mlp;

	private final ParameterLayout layout;

	private final double[] theta;

	private final DerivativePlan plan;

	private final int outputs;

	/**
	 * @param weights W then b per layer
	 * @param names quantities to evaluate: {@code u}, {@code u_t}, {@code u_xx},
	 * {@code u_xy}
	 */
	public Evaluator(List<double[][]> weights, List<String> inputs, List<String> outputs, Normalisation norm,
			List<String> names) {
		Backend.init();
		this.names = List.copyOf(names);
		this.norm = norm;
		this.outputs = outputs.size();
		int[] widths = new int[weights.size() / 2 + 1];
		widths[0] = inputs.size();
		for (int l = 0; l < weights.size() / 2; l++) {
			widths[l + 1] = weights.get(2 * l)[0].length;
		}
		this.mlp = new Mlp(widths);
		this.layout = new ParameterLayout(widths, 0);
		this.theta = this.layout.flatten(weights);
		this.plan = new DerivativePlan(names, inputs, outputs);
	}

	/** Values per name at physical points ({@code n x inputs}). */
	public synchronized Map<String, double[]> evaluate(double[][] points) {
		Map<String, double[]> out = new LinkedHashMap<>();
		for (String name : this.names) {
			out.put(name, new double[points.length]);
		}
		String id = "pf-pinn-eval-" + System.identityHashCode(this);
		for (int from = 0; from < points.length; from += BATCH) {
			int to = Math.min(points.length, from + BATCH);
			double[][] batch = java.util.Arrays.copyOfRange(points, from, to);
			try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, id)) {
				Tape tape = new Tape();
				List<Tape.Node> params = this.layout.nodes(tape, this.theta, false);
				Tape.Node x = tape.constant(Nd4j.createFromArray(this.norm.inputs(batch)));
				Map<String, Tape.Node> phys = PhysicalOutputs.build(tape, this.mlp, params, x, this.plan, this.outputs,
						this.norm);
				for (String name : this.names) {
					double[] v = phys.get(name).value.dup('c').data().asDouble();
					System.arraycopy(v, 0, out.get(name), from, v.length);
				}
			}
		}
		Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id));
		return out;
	}

}
