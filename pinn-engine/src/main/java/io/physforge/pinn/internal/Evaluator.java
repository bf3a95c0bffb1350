package io.physforge.pinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a trained network and its derivatives by name at any points, in batches of
 * {@value #BATCH} points through one inference graph per set of names.
 */
public final class Evaluator {

	static final int BATCH = 8192;

	private final SameDiff sd = SameDiff.create();

	private final List<String> names;

	private final Normalisation norm;

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
		int[] widths = new int[weights.size() / 2 + 1];
		widths[0] = inputs.size();
		for (int l = 0; l < weights.size() / 2; l++) {
			widths[l + 1] = weights.get(2 * l)[0].length;
		}
		Mlp mlp = new Mlp(this.sd, widths, weights, 0);
		SDVariable x = this.sd.placeHolder("x", DataType.DOUBLE, -1, inputs.size());
		Map<String, SDVariable> phys = PhysicalOutputs.build(this.sd, mlp, x, names, inputs, outputs, norm);
		for (Map.Entry<String, SDVariable> e : phys.entrySet()) {
			e.getValue().add(0.0).rename("out_" + e.getKey());
		}
	}

	/** Values per name at physical points ({@code n x inputs}). */
	public Map<String, double[]> evaluate(double[][] points) {
		Map<String, double[]> out = new LinkedHashMap<>();
		for (String name : this.names) {
			out.put(name, new double[points.length]);
		}
		String[] outputs = this.names.stream().map((n) -> "out_" + n).toArray(String[]::new);
		for (int from = 0; from < points.length; from += BATCH) {
			int to = Math.min(points.length, from + BATCH);
			double[][] batch = java.util.Arrays.copyOfRange(points, from, to);
			INDArray x = Nd4j.createFromArray(this.norm.inputs(batch));
			Map<String, INDArray> result = this.sd.output(Map.of("x", x), outputs);
			for (String name : this.names) {
				double[] v = result.get("out_" + name).toDoubleVector();
				System.arraycopy(v, 0, out.get(name), from, v.length);
			}
		}
		return out;
	}

}
