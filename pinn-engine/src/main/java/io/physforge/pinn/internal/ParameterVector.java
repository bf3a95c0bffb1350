package io.physforge.pinn.internal;

import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainable variables of a graph as one flat vector, in a fixed order (c order inside
 * each).
 */
final class ParameterVector {

	private final SameDiff sd;

	private final List<String> names;

	private final int size;

	ParameterVector(SameDiff sd, List<String> names) {
		this.sd = sd;
		this.names = List.copyOf(names);
		int n = 0;
		for (String name : names) {
			n += (int) sd.getArrForVarName(name).length();
		}
		this.size = n;
	}

	List<String> names() {
		return this.names;
	}

	int size() {
		return this.size;
	}

	double[] get() {
		double[] theta = new double[this.size];
		int at = 0;
		for (String name : this.names) {
			double[] v = this.sd.getArrForVarName(name).ravel().toDoubleVector();
			System.arraycopy(v, 0, theta, at, v.length);
			at += v.length;
		}
		return theta;
	}

	void set(double[] theta) {
		int at = 0;
		for (String name : this.names) {
			INDArray arr = this.sd.getArrForVarName(name);
			int n = (int) arr.length();
			double[] part = new double[n];
			System.arraycopy(theta, at, part, 0, n);
			arr.assign(Nd4j.createFromArray(part).reshape(arr.shape()));
			at += n;
		}
	}

	double[] flatten(Map<String, INDArray> gradients) {
		double[] g = new double[this.size];
		int at = 0;
		for (String name : this.names) {
			INDArray arr = gradients.get(name);
			int n = (int) this.sd.getArrForVarName(name).length();
			if (arr != null) {
				System.arraycopy(arr.ravel().toDoubleVector(), 0, g, at, n);
			}
			at += n;
		}
		return g;
	}

}
