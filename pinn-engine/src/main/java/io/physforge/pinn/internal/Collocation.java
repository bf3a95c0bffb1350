package io.physforge.pinn.internal;

import java.util.Random;

import io.physforge.pinn.PinnProblem;

/**
 * Collocation points in the problem's box by Latin hypercube sampling (McKay, Beckman and
 * Conover, Technometrics 21, 1979): each input's range is cut into {@code n} equal strata
 * and each stratum holds exactly one point, which covers the box more evenly than
 * independent uniform draws.
 */
final class Collocation {

	private Collocation() {
	}

	static double[][] points(PinnProblem problem, int n, long seed) {
		int d = problem.inputs().size();
		Random random = new Random(seed);
		double[][] p = new double[n][d];
		for (int k = 0; k < d; k++) {
			int[] perm = new int[n];
			for (int i = 0; i < n; i++) {
				perm[i] = i;
			}
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = perm[i];
				perm[i] = perm[j];
				perm[j] = t;
			}
			double lo = problem.lower()[k];
			double width = problem.upper()[k] - lo;
			for (int i = 0; i < n; i++) {
				p[i][k] = lo + width * (perm[i] + random.nextDouble()) / n;
			}
		}
		return p;
	}

}
