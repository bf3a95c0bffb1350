package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected tanh network in a SameDiff graph, with its input derivatives
 * propagated forward as graph operations (Taylor mode), so that ordinary reverse-mode
 * differentiation of a loss built from them gives the weight gradients.
 *
 * <p>
 * Along a direction {@code v}, layer {@code z = a W + b} maps the jets of {@code a} to
 * {@code z_k = a_k W} (k >= 1), and {@code h = tanh(z)} maps them by Faa di Bruno's
 * formula with {@code f_k = tanh^(k)(z_0)}: {@code h_1 = f_1 z_1},
 * {@code h_2 = f_1 z_2 + f_2 z_1^2}, {@code h_3 = f_1 z_3 + 3 f_2 z_1 z_2 + f_3 z_1^3},
 * {@code h_4 = f_1 z_4 + f_2 (4 z_1 z_3 + 3 z_2^2) + 6 f_3 z_1^2 z_2 + f_4 z_1^4}, where
 * with {@code s = 1 - h^2}: {@code f_1 = s}, {@code f_2 = -2 h s},
 * {@code f_3 = s (4 h^2 - 2 s)}, {@code f_4 = 8 h s (2 s - h^2)}. The input jets are
 * {@code a_1 = v} and zero above, so the first layer's jets are constants of the weights.
 * The jets match central finite differences of the network to the differences' own error
 * (MlpJetTest). SameDiff cannot differentiate its own backprop ops, which is why the
 * forward graph is built explicitly (Raissi, Perdikaris and Karniadakis, J. Comput. Phys.
 * 378, 686-707, 2019, use reverse mode twice instead).
 */
final class Mlp {

	/** Jets at a set of points: value and, per direction, derivatives of order 1..K. */
	record Jets(SDVariable value, List<SDVariable[]> derivatives) {
	}

	private final SameDiff sd;

	private final List<SDVariable> weights = new ArrayList<>();

	private final List<SDVariable> biases = new ArrayList<>();

	/**
	 * Declares the weights as trainable variables named {@code W0, b0, W1, b1, ...}.
	 * @param widths layer widths from inputs to outputs
	 * @param initial initial values (W then b per layer), or {@code null} for Glorot
	 * normal initialisation with {@code seed}
	 */
	Mlp(SameDiff sd, int[] widths, List<double[][]> initial, long seed) {
		this.sd = sd;
		Random random = new Random(seed);
		for (int l = 0; l + 1 < widths.length; l++) {
			double[][] w;
			double[][] b;
			if (initial != null) {
				w = initial.get(2 * l);
				b = initial.get(2 * l + 1);
			}
			else {
				w = new double[widths[l]][widths[l + 1]];
				double sigma = Math.sqrt(2.0 / (widths[l] + widths[l + 1]));
				for (double[] row : w) {
					for (int j = 0; j < row.length; j++) {
						row[j] = sigma * random.nextGaussian();
					}
				}
				b = new double[1][widths[l + 1]];
			}
			this.weights.add(sd.var("W" + l, Nd4j.createFromArray(w)));
			this.biases.add(sd.var("b" + l, Nd4j.createFromArray(b)));
		}
	}

	/** Names of the trainable variables, in a fixed order. */
	List<String> variableNames() {
		List<String> names = new ArrayList<>();
		for (int l = 0; l < this.weights.size(); l++) {
			names.add("W" + l);
			names.add("b" + l);
		}
		return names;
	}

	/**
	 * The network's output and its directional derivatives at {@code x}.
	 * @param x normalised inputs, {@code n x inputs}
	 * @param directions directions and the orders wanted along each
	 */
	Jets forward(SDVariable x, List<Direction> directions) {
		int depth = this.weights.size();
		int maxOrder = 0;
		for (Direction d : directions) {
			maxOrder = Math.max(maxOrder, d.maxOrder());
		}
		SDVariable a = x;
		List<SDVariable[]> jets = new ArrayList<>();
		for (Direction d : directions) {
			SDVariable[] j = new SDVariable[d.maxOrder() + 1];
			j[1] = this.sd.constant(Nd4j.createFromArray(new double[][] { d.vector() }).castTo(DataType.DOUBLE));
			jets.add(j);
		}
		for (int l = 0; l < depth; l++) {
			SDVariable w = this.weights.get(l);
			SDVariable z = a.mmul(w).add(this.biases.get(l));
			List<SDVariable[]> zj = new ArrayList<>();
			for (SDVariable[] j : jets) {
				SDVariable[] out = new SDVariable[j.length];
				for (int k = 1; k < j.length; k++) {
					out[k] = (j[k] == null) ? null : j[k].mmul(w);
				}
				zj.add(out);
			}
			if (l == depth - 1) {
				return new Jets(z, zj);
			}
			SDVariable h = this.sd.math().tanh(z);
			SDVariable[] f = activationDerivatives(h, maxOrder);
			jets = new ArrayList<>();
			for (SDVariable[] zk : zj) {
				jets.add(faaDiBruno(f, zk));
			}
			a = h;
		}
		throw new IllegalStateException("a network needs at least one layer");
	}

	/** {@code f[k] = tanh^(k)(z)} from {@code h = tanh(z)}, k = 1..order. */
	private SDVariable[] activationDerivatives(SDVariable h, int order) {
		SDVariable[] f = new SDVariable[5];
		if (order < 1) {
			return f;
		}
		SDVariable h2 = h.mul(h);
		SDVariable s = h2.rsub(1.0);
		f[1] = s;
		if (order >= 2) {
			f[2] = h.mul(s).mul(-2.0);
		}
		if (order >= 3) {
			f[3] = s.mul(h2.mul(4.0).sub(s.mul(2.0)));
		}
		if (order >= 4) {
			f[4] = h.mul(s).mul(s.mul(2.0).sub(h2)).mul(8.0);
		}
		return f;
	}

	private SDVariable[] faaDiBruno(SDVariable[] f, SDVariable[] z) {
		int order = z.length - 1;
		SDVariable[] h = new SDVariable[z.length];
		SDVariable z1 = z[1];
		SDVariable z2 = (order >= 2) ? z[2] : null;
		SDVariable z3 = (order >= 3) ? z[3] : null;
		SDVariable z1sq = (order >= 2) ? z1.mul(z1) : null;
		h[1] = f[1].mul(z1);
		if (order >= 2) {
			h[2] = add(mul(f[1], z2), f[2].mul(z1sq));
		}
		if (order >= 3) {
			SDVariable t = add(mul(f[1], z3), mul(f[2], mul(z1, z2), 3.0));
			h[3] = add(t, f[3].mul(z1sq.mul(z1)));
		}
		if (order >= 4) {
			SDVariable inner = add(mul(z1, z3, 4.0), mul(z2, z2, 3.0));
			SDVariable t = add(mul(f[1], z[4]), mul(f[2], inner));
			t = add(t, mul(f[3], mul(z1sq, z2), 6.0));
			h[4] = add(t, f[4].mul(z1sq.mul(z1sq)));
		}
		return h;
	}

	private static SDVariable mul(SDVariable a, SDVariable b) {
		return (a == null || b == null) ? null : a.mul(b);
	}

	private static SDVariable mul(SDVariable a, SDVariable b, double c) {
		SDVariable p = mul(a, b);
		return (p == null) ? null : p.mul(c);
	}

	private static SDVariable add(SDVariable a, SDVariable b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : a.add(b);
	}

}
