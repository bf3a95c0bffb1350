package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Where each weight matrix, bias row and learned coefficient lives in the flat parameter
 * vector that Adam and L-BFGS work on: W0 (row-major), b0, W1, b1, ..., then one entry
 * per coefficient.
 */
final class ParameterLayout {

	private final int[] widths;

	private final int coefficients;

	private final int size;

	ParameterLayout(int[] widths, int coefficients) {
		this.widths = widths.clone();
		this.coefficients = coefficients;
		int n = 0;
		for (int l = 0; l + 1 < widths.length; l++) {
			n += widths[l] * widths[l + 1] + widths[l + 1];
		}
		this.size = n + coefficients;
	}

	int size() {
		return this.size;
	}

	int networkSize() {
		return this.size - this.coefficients;
	}

	int[] widths() {
		return this.widths.clone();
	}

	/**
	 * Glorot-normal weights (Glorot and Bengio, AISTATS 2010), zero biases and
	 * coefficients.
	 */
	double[] initial(long seed) {
		Random random = new Random(seed);
		double[] theta = new double[this.size];
		int at = 0;
		for (int l = 0; l + 1 < this.widths.length; l++) {
			double sigma = Math.sqrt(2.0 / (this.widths[l] + this.widths[l + 1]));
			for (int i = 0; i < this.widths[l] * this.widths[l + 1]; i++) {
				theta[at++] = sigma * random.nextGaussian();
			}
			at += this.widths[l + 1];
		}
		return theta;
	}

	/** Parameter nodes (W then b per layer, then one {@code [1,1]} per coefficient). */
	List<Tape.Node> nodes(Tape tape, double[] theta, boolean trainable) {
		List<Tape.Node> nodes = new ArrayList<>();
		int at = 0;
		for (int l = 0; l + 1 < this.widths.length; l++) {
			int rows = this.widths[l];
			int cols = this.widths[l + 1];
			nodes.add(node(tape, theta, at, rows, cols, trainable));
			at += rows * cols;
			nodes.add(node(tape, theta, at, 1, cols, trainable));
			at += cols;
		}
		for (int c = 0; c < this.coefficients; c++) {
			nodes.add(node(tape, theta, at++, 1, 1, trainable));
		}
		return nodes;
	}

	private static Tape.Node node(Tape tape, double[] theta, int from, int rows, int cols, boolean trainable) {
		double[] part = new double[rows * cols];
		System.arraycopy(theta, from, part, 0, part.length);
		var value = Nd4j.createFromArray(part).reshape(rows, cols);
		return trainable ? tape.parameter(value) : tape.constant(value);
	}

	/** Gradients of the nodes, flattened in the same order. */
	double[] gradient(List<Tape.Node> nodes) {
		double[] g = new double[this.size];
		int at = 0;
		for (Tape.Node n : nodes) {
			int len = (int) n.value.length();
			if (n.grad != null) {
				System.arraycopy(n.grad.dup('c').data().asDouble(), 0, g, at, len);
			}
			at += len;
		}
		return g;
	}

	/** The weights as matrices: W then b per layer. */
	List<double[][]> weights(double[] theta) {
		List<double[][]> out = new ArrayList<>();
		int at = 0;
		for (int l = 0; l + 1 < this.widths.length; l++) {
			int rows = this.widths[l];
			int cols = this.widths[l + 1];
			double[][] w = new double[rows][cols];
			for (int i = 0; i < rows; i++) {
				System.arraycopy(theta, at + i * cols, w[i], 0, cols);
			}
			at += rows * cols;
			double[][] b = new double[1][cols];
			System.arraycopy(theta, at, b[0], 0, cols);
			at += cols;
			out.add(w);
			out.add(b);
		}
		return out;
	}

	/** The flat vector of given weights (coefficients zero). */
	double[] flatten(List<double[][]> weights) {
		double[] theta = new double[this.size];
		int at = 0;
		for (double[][] m : weights) {
			for (double[] row : m) {
				System.arraycopy(row, 0, theta, at, row.length);
				at += row.length;
			}
		}
		return theta;
	}

}
