package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected tanh network with its input derivatives propagated forward as
 * operations on a {@link Tape} (Taylor mode), so that reverse-mode differentiation of a
 * loss built from them gives the weight gradients.
 *
 * <p>
 * Along a direction {@code v}, layer {@code z = a W + b} maps the jets of {@code a} to
 * {@code z_k = a_k W} (k >= 1), and {@code h = tanh(z)} maps them by Faa di Bruno's
 * formula with {@code f_k = tanh^(k)(z_0)}: {@code h_1 = f_1 z_1},
 * {@code h_2 = f_1 z_2 + f_2 z_1^2}, {@code h_3 = f_1 z_3 + 3 f_2 z_1 z_2 + f_3 z_1^3},
 * {@code h_4 = f_1 z_4 + f_2 (4 z_1 z_3 + 3 z_2^2) + 6 f_3 z_1^2 z_2 + f_4 z_1^4}, where
 * with {@code s = 1 - h^2}: {@code f_1 = s}, {@code f_2 = -2 h s},
 * {@code f_3 = s (4 h^2 - 2 s)}, {@code f_4 = 8 h s (2 s - h^2)} (Griewank and Walther,
 * "Evaluating Derivatives", 2nd ed., SIAM 2008, chapter 13). The input jets are
 * {@code a_1 = v} and zero above, so the first layer's jets are rows depending only on
 * the weights. The jets match finite differences of the network to the differences' own
 * error (PinnModelDerivativesTest).
 */
final class Mlp {

	/** Jets at a set of points: value and, per direction, derivatives of order 1..K. */
	record Jets(Tape.Node value, List<Tape.Node[]> derivatives) {
	}

	private final int[] widths;

	Mlp(int[] widths) {
		this.widths = widths.clone();
	}

	int depth() {
		return this.widths.length - 1;
	}

	/**
	 * The network's output and its directional derivatives at {@code x}.
	 * @param params W then b per layer
	 * @param x normalised inputs, {@code n x inputs}
	 * @param directions directions and the orders wanted along each
	 */
	Jets forward(Tape tape, List<Tape.Node> params, Tape.Node x, List<Direction> directions) {
		int maxOrder = 0;
		for (Direction d : directions) {
			maxOrder = Math.max(maxOrder, d.maxOrder());
		}
		Tape.Node a = x;
		List<Tape.Node[]> jets = new ArrayList<>();
		for (Direction d : directions) {
			Tape.Node[] j = new Tape.Node[d.maxOrder() + 1];
			j[1] = tape.constant(Nd4j.createFromArray(new double[][] { d.vector() }));
			jets.add(j);
		}
		for (int l = 0; l < depth(); l++) {
			Tape.Node w = params.get(2 * l);
			Tape.Node z = tape.add(tape.mmul(a, w), params.get(2 * l + 1));
			List<Tape.Node[]> zj = new ArrayList<>();
			for (Tape.Node[] j : jets) {
				Tape.Node[] out = new Tape.Node[j.length];
				for (int k = 1; k < j.length; k++) {
					out[k] = (j[k] == null) ? null : tape.mmul(j[k], w);
				}
				zj.add(out);
			}
			if (l == depth() - 1) {
				return new Jets(z, zj);
			}
			Tape.Node h = tape.tanh(z);
			Tape.Node[] f = activationDerivatives(tape, h, maxOrder);
			jets = new ArrayList<>();
			for (Tape.Node[] zk : zj) {
				jets.add(faaDiBruno(tape, f, zk));
			}
			a = h;
		}
		throw new IllegalStateException("a network needs at least one layer");
	}

	/** {@code f[k] = tanh^(k)(z)} from {@code h = tanh(z)}, k = 1..order. */
	private static Tape.Node[] activationDerivatives(Tape t, Tape.Node h, int order) {
		Tape.Node[] f = new Tape.Node[5];
		if (order < 1) {
			return f;
		}
		Tape.Node h2 = t.mul(h, h);
		Tape.Node s = t.rsub(h2, 1.0);
		f[1] = s;
		if (order >= 2) {
			f[2] = t.scale(t.mul(h, s), -2.0);
		}
		if (order >= 3) {
			f[3] = t.mul(s, t.sub(t.scale(h2, 4.0), t.scale(s, 2.0)));
		}
		if (order >= 4) {
			f[4] = t.scale(t.mul(t.mul(h, s), t.sub(t.scale(s, 2.0), h2)), 8.0);
		}
		return f;
	}

	private static Tape.Node[] faaDiBruno(Tape t, Tape.Node[] f, Tape.Node[] z) {
		int order = z.length - 1;
		Tape.Node[] h = new Tape.Node[z.length];
		Tape.Node z1 = z[1];
		Tape.Node z2 = (order >= 2) ? z[2] : null;
		Tape.Node z3 = (order >= 3) ? z[3] : null;
		Tape.Node z1sq = (order >= 2) ? t.mul(z1, z1) : null;
		h[1] = t.mul(f[1], z1);
		if (order >= 2) {
			h[2] = add(t, mul(t, f[1], z2), t.mul(f[2], z1sq));
		}
		if (order >= 3) {
			Tape.Node s = add(t, mul(t, f[1], z3), mul(t, f[2], mul(t, z1, z2), 3.0));
			h[3] = add(t, s, t.mul(f[3], t.mul(z1sq, z1)));
		}
		if (order >= 4) {
			Tape.Node inner = add(t, mul(t, z1, z3, 4.0), mul(t, z2, z2, 3.0));
			Tape.Node s = add(t, mul(t, f[1], z[4]), mul(t, f[2], inner));
			s = add(t, s, mul(t, f[3], mul(t, z1sq, z2), 6.0));
			h[4] = add(t, s, t.mul(f[4], t.mul(z1sq, z1sq)));
		}
		return h;
	}

	private static Tape.Node mul(Tape t, Tape.Node a, Tape.Node b) {
		return (a == null || b == null) ? null : t.mul(a, b);
	}

	private static Tape.Node mul(Tape t, Tape.Node a, Tape.Node b, double c) {
		Tape.Node p = mul(t, a, b);
		return (p == null) ? null : t.scale(p, c);
	}

	private static Tape.Node add(Tape t, Tape.Node a, Tape.Node b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : t.add(a, b);
	}

}
