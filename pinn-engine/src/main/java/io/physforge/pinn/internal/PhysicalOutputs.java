package io.physforge.pinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Graph operations for named physical quantities ({@code u}, {@code u_x}, {@code u_xy})
 * at a set of points, built from the network's jets, the derivative plan and the
 * normalisation. Each result is {@code n x 1}.
 */
final class PhysicalOutputs {

	private PhysicalOutputs() {
	}

	static Map<String, SDVariable> build(SameDiff sd, Mlp mlp, SDVariable normalisedX, List<String> names,
			List<String> inputs, List<String> outputs, Normalisation norm) {
		DerivativePlan plan = new DerivativePlan(names, inputs, outputs);
		Mlp.Jets jets = mlp.forward(normalisedX, plan.directions());
		Map<String, SDVariable> out = new LinkedHashMap<>();
		for (DerivativePlan.Recipe r : plan.recipes().values()) {
			SDVariable v;
			if (r.order() == 0) {
				v = column(sd, jets.value(), r.output(), outputs.size()).mul(norm.scale()[r.output()])
					.add(norm.mean()[r.output()]);
			}
			else {
				SDVariable combined = null;
				for (int i = 0; i < r.directions().length; i++) {
					SDVariable d = jets.derivatives().get(r.directions()[i])[r.order()];
					SDVariable term = (r.weights()[i] == 1.0) ? d : d.mul(r.weights()[i]);
					combined = (combined == null) ? term : combined.add(term);
				}
				v = column(sd, combined, r.output(), outputs.size()).mul(norm.derivativeFactor(r.output(), r.orders()));
			}
			out.put(r.name(), v);
		}
		return out;
	}

	private static SDVariable column(SameDiff sd, SDVariable v, int j, int width) {
		if (width == 1) {
			return v;
		}
		double[][] pick = new double[width][1];
		pick[j][0] = 1;
		return v.mmul(sd.constant(Nd4j.createFromArray(pick)));
	}

}
