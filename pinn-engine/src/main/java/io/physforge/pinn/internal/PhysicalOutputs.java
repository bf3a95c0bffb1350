package io.physforge.pinn.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Named physical quantities ({@code u}, {@code u_x}, {@code u_xy}) at a set of points,
 * built on a {@link Tape} from the network's jets, the derivative plan and the
 * normalisation. Each result is {@code n x 1}.
 */
final class PhysicalOutputs {

	private PhysicalOutputs() {
	}

	static Map<String, Tape.Node> build(Tape tape, Mlp mlp, List<Tape.Node> params, Tape.Node normalisedX,
			DerivativePlan plan, int outputs, Normalisation norm) {
		Mlp.Jets jets = mlp.forward(tape, params, normalisedX, plan.directions());
		Map<String, Tape.Node> out = new LinkedHashMap<>();
		for (DerivativePlan.Recipe r : plan.recipes().values()) {
			Tape.Node v;
			if (r.order() == 0) {
				v = tape.shift(tape.scale(column(tape, jets.value(), r.output(), outputs), norm.scale()[r.output()]),
						norm.mean()[r.output()]);
			}
			else {
				Tape.Node combined = null;
				for (int i = 0; i < r.directions().length; i++) {
					Tape.Node d = jets.derivatives().get(r.directions()[i])[r.order()];
					Tape.Node term = (r.weights()[i] == 1.0) ? d : tape.scale(d, r.weights()[i]);
					combined = (combined == null) ? term : tape.add(combined, term);
				}
				v = tape.scale(column(tape, combined, r.output(), outputs),
						norm.derivativeFactor(r.output(), r.orders()));
			}
			out.put(r.name(), v);
		}
		return out;
	}

	private static Tape.Node column(Tape tape, Tape.Node v, int j, int width) {
		if (width == 1) {
			return v;
		}
		double[][] pick = new double[width][1];
		pick[j][0] = 1;
		return tape.mmul(v, tape.constant(Nd4j.createFromArray(pick)));
	}

}
