package io.physforge.pinn.internal;

import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnSettings;

/** Layer widths from inputs to outputs. */
final class Architecture {

	private Architecture() {
	}

	static int[] widths(PinnProblem problem, PinnSettings settings) {
		return widths(problem.inputs().size(), settings.hiddenLayers(), problem.outputs().size());
	}

	static int[] widths(int inputs, java.util.List<Integer> hidden, int outputs) {
		int[] w = new int[hidden.size() + 2];
		w[0] = inputs;
		for (int i = 0; i < hidden.size(); i++) {
			w[i + 1] = hidden.get(i);
		}
		w[w.length - 1] = outputs;
		return w;
	}

}
