package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small reverse-mode automatic differentiation tape over ND4J's eager array operations.
 *
 * <p>
 * Why not SameDiff's executor: measured on this machine (docs/benchmarks.md), SameDiff
 * 1.0.0-M2.1 spent about 0.1 s of overhead per training step of a 4x32 PINN (some 350
 * small operations per step, each through its inference session, plus fresh off-heap
 * arrays for every one), three times PyTorch's whole step. Recording the same operations
 * here, executed directly by ND4J's native kernels (OpenBLAS for products) inside a
 * reusable workspace, cuts that overhead while keeping the graph explicit: the network's
 * input derivatives are built forward as operations (Taylor mode, see {@link Mlp}) and
 * this tape differentiates them backward, which SameDiff cannot do to its own backprop
 * ops either ("Differentiation of MmulBp not supported").
 *
 * <p>
 * Shapes are matrices {@code [rows, cols]}; binary operations broadcast a {@code [1, c]}
 * row over rows and a {@code [1, 1]} scalar over everything. Not thread-safe: one tape
 * per evaluation.
 */
final class Tape {

	/** A value on the tape and, after {@link #backward}, its gradient. */
	static final class Node {

		final INDArray value;

		final boolean needsGrad;

		INDArray grad;

		private Runnable back;

		Node(INDArray value, boolean needsGrad) {
			this.value = value;
			this.needsGrad = needsGrad;
		}

		long rows() {
			return this.value.rows();
		}

		void accumulate(INDArray g) {
			INDArray r = reduceTo(g, this.value);
			if (this.grad == null) {
				this.grad = (r == g) ? g.dup() : r;
			}
			else {
				this.grad.addi(r);
			}
		}

	}

	private final List<Node> nodes = new ArrayList<>();

	/** A value without a gradient (inputs, directions, targets). */
	Node constant(INDArray value) {
		return new Node(value, false);
	}

	/** A trainable value whose gradient is wanted. */
	Node parameter(INDArray value) {
		Node n = new Node(value, true);
		this.nodes.add(n);
		return n;
	}

	private Node result(INDArray value, Node... inputs) {
		boolean needs = false;
		for (Node i : inputs) {
			needs |= i.needsGrad;
		}
		Node n = new Node(value, needs);
		if (needs) {
			this.nodes.add(n);
		}
		return n;
	}

	Node mmul(Node a, Node b) {
		Node n = result(a.value.mmul(b.value), a, b);
		n.back = () -> {
			if (a.needsGrad) {
				a.accumulate(n.grad.mmul(b.value.transpose()));
			}
			if (b.needsGrad) {
				b.accumulate(a.value.transpose().mmul(n.grad));
			}
		};
		return n;
	}

	Node add(Node a, Node b) {
		Node n = result(broadcast(a.value, b.value, '+'), a, b);
		n.back = () -> {
			if (a.needsGrad) {
				a.accumulate(n.grad);
			}
			if (b.needsGrad) {
				b.accumulate(n.grad);
			}
		};
		return n;
	}

	Node sub(Node a, Node b) {
		Node n = result(broadcast(a.value, b.value, '-'), a, b);
		n.back = () -> {
			if (a.needsGrad) {
				a.accumulate(n.grad);
			}
			if (b.needsGrad) {
				b.accumulate(n.grad.neg());
			}
		};
		return n;
	}

	Node mul(Node a, Node b) {
		Node n = result(broadcast(a.value, b.value, '*'), a, b);
		n.back = () -> {
			if (a.needsGrad) {
				a.accumulate(broadcast(n.grad, b.value, '*'));
			}
			if (b.needsGrad) {
				b.accumulate(broadcast(n.grad, a.value, '*'));
			}
		};
		return n;
	}

	/** {@code c * a}. */
	Node scale(Node a, double c) {
		Node n = result(a.value.mul(c), a);
		n.back = () -> a.accumulate(n.grad.mul(c));
		return n;
	}

	/** {@code a + c}. */
	Node shift(Node a, double c) {
		Node n = result(a.value.add(c), a);
		n.back = () -> a.accumulate(n.grad);
		return n;
	}

	/** {@code c - a}. */
	Node rsub(Node a, double c) {
		Node n = result(a.value.rsub(c), a);
		n.back = () -> a.accumulate(n.grad.neg());
		return n;
	}

	Node tanh(Node a) {
		INDArray h = Nd4j.getExecutioner().exec(new Tanh(a.value, a.value.ulike()));
		Node n = result(h, a);
		n.back = () -> a.accumulate(h.mul(h).rsubi(1.0).muli(n.grad));
		return n;
	}

	/** Mean of all entries, as a {@code [1, 1]} value. */
	Node mean(Node a) {
		long count = a.value.length();
		Node n = result(Nd4j.scalar(a.value.dataType(), a.value.meanNumber()).reshape(1, 1), a);
		n.back = () -> a.accumulate(a.value.ulike().assign(n.grad.getDouble(0) / count));
		return n;
	}

	/** Sum of all entries, as a {@code [1, 1]} value. */
	Node sum(Node a) {
		Node n = result(Nd4j.scalar(a.value.dataType(), a.value.sumNumber()).reshape(1, 1), a);
		n.back = () -> a.accumulate(a.value.ulike().assign(n.grad.getDouble(0)));
		return n;
	}

	/**
	 * Back-propagates from the scalar {@code loss}; gradients land in {@link Node#grad}.
	 */
	void backward(Node loss) {
		loss.grad = loss.value.ulike().assign(1.0);
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			Node n = this.nodes.get(i);
			if (n.back != null && n.grad != null) {
				n.back.run();
			}
		}
	}

	/** {@code a op b} with row and scalar broadcasting either way. */
	static INDArray broadcast(INDArray a, INDArray b, char op) {
		if (java.util.Arrays.equals(a.shape(), b.shape())) {
			return switch (op) {
				case '+' -> a.add(b);
				case '-' -> a.sub(b);
				default -> a.mul(b);
			};
		}
		if (b.length() == 1) {
			double s = b.getDouble(0);
			return switch (op) {
				case '+' -> a.add(s);
				case '-' -> a.sub(s);
				default -> a.mul(s);
			};
		}
		if (a.length() == 1) {
			double s = a.getDouble(0);
			return switch (op) {
				case '+' -> b.add(s);
				case '-' -> b.rsub(s);
				default -> b.mul(s);
			};
		}
		if (b.rows() == 1 && b.columns() == a.columns()) {
			return switch (op) {
				case '+' -> a.addRowVector(b);
				case '-' -> a.subRowVector(b);
				default -> a.mulRowVector(b);
			};
		}
		if (a.rows() == 1 && a.columns() == b.columns()) {
			return switch (op) {
				case '+' -> b.addRowVector(a);
				case '-' -> b.rsubRowVector(a);
				default -> b.mulRowVector(a);
			};
		}
		throw new IllegalStateException("shapes " + java.util.Arrays.toString(a.shape()) + " and "
				+ java.util.Arrays.toString(b.shape()) + " do not broadcast");
	}

	/** Sums a gradient down to the shape of a broadcast operand. */
	static INDArray reduceTo(INDArray g, INDArray like) {
		if (java.util.Arrays.equals(g.shape(), like.shape())) {
			return g;
		}
		if (like.length() == 1) {
			return Nd4j.scalar(g.dataType(), g.sumNumber()).reshape(1, 1);
		}
		if (like.rows() == 1 && like.columns() == g.columns()) {
			return g.sum(true, 0);
		}
		throw new IllegalStateException("cannot reduce a gradient of shape " + java.util.Arrays.toString(g.shape())
				+ " to " + java.util.Arrays.toString(like.shape()));
	}

}
