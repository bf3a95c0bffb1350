package io.physforge.core.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.ensemble.Ensemble;
import io.physforge.core.ensemble.EnsembleResult;
import io.physforge.core.ensemble.EnsembleSettings;

/**
 * The reported support of one equation: the regression method's own, replaced by the
 * ensemble's majority support when an ensemble runs ({@link Ensemble}), replaced by the
 * least AIC/BIC candidate when that criterion is asked for ({@link ModelSelection}); with
 * the sparsity-path candidates and the ensemble statistics for the metrics.
 *
 * @param support the reported support
 * @param ensemble the ensemble statistics, or {@code null} without an ensemble
 * @param candidates the sparsity path, chosen one marked
 * @param metrics JSON-ready summary ({@code candidates}, {@code ensemble},
 * {@code selection})
 */
public record SupportChoice(boolean[] support, EnsembleResult ensemble, List<Candidate> candidates,
		Map<String, Object> metrics) {

	/**
	 * @param columns the assembled library (rows: grid points or test functions)
	 * @param names column names
	 * @param y the target
	 * @param methodSupport the support the regression method chose on all rows
	 * @param regression the regression each ensemble member runs
	 * @param ensemble ensemble settings (off: no ensemble)
	 * @param rowsPerMember rows each member draws
	 * @param criterion {@code method}, {@code aic} or {@code bic}
	 */
	public static SupportChoice choose(double[][] columns, List<String> names, double[] y, boolean[] methodSupport,
			Ensemble.MemberRegression regression, EnsembleSettings ensemble, int rowsPerMember, String criterion) {
		return choose(columns, names, y, methodSupport, regression, ensemble, rowsPerMember, null, null, criterion);
	}

	/**
	 * As
	 * {@link #choose(double[][], List, double[], boolean[], Ensemble.MemberRegression, EnsembleSettings, int, String)}
	 * with a block bootstrap over a row lattice (see
	 * {@link Ensemble#run(double[][], double[], Ensemble.MemberRegression, EnsembleSettings, int, int[], int[])}).
	 */
	public static SupportChoice choose(double[][] columns, List<String> names, double[] y, boolean[] methodSupport,
			Ensemble.MemberRegression regression, EnsembleSettings ensemble, int rowsPerMember, int[] lattice,
			int[] block, String criterion) {
		Map<String, Object> metrics = new LinkedHashMap<>();
		boolean[] support = methodSupport.clone();
		EnsembleResult er = null;
		if (ensemble.enabled()) {
			long start = System.nanoTime();
			er = Ensemble.run(columns, y, regression, ensemble, rowsPerMember, lattice, block);
			support = er.support().clone();
			Map<String, Object> em = new LinkedHashMap<>(ensemble.asMap());
			em.put("rowsPerMember", er.rowsPerMember());
			if (lattice != null) {
				em.put("bootstrap", Map.of("kind", "circular block", "lattice", lattice, "block", block));
			}
			else {
				em.put("bootstrap", Map.of("kind", "rows"));
			}
			Map<String, Object> perTerm = new LinkedHashMap<>();
			for (int j = 0; j < names.size(); j++) {
				if (er.inclusion()[j] > 0) {
					perTerm.put(names.get(j),
							Map.of("inclusion", er.inclusion()[j], "ci", er.ci(j), "median", er.median()[j]));
				}
			}
			em.put("terms", perTerm);
			em.put("methodSupport", selected(names, methodSupport));
			em.put("timeMillis", (System.nanoTime() - start) / 1_000_000);
			metrics.put("ensemble", em);
		}
		List<boolean[]> extra = new ArrayList<>();
		extra.add(methodSupport);
		List<Candidate> candidates = ModelSelection.candidates(columns, names, y, extra,
				criterion.equals("method") ? support : null);
		if (!criterion.equals("method")) {
			Candidate best = ModelSelection.select(candidates, criterion);
			if (best != null) {
				support = ModelSelection.support(best, names);
				List<Candidate> marked = new ArrayList<>();
				for (Candidate c : candidates) {
					marked.add(c.with(c.pareto(), c == best));
				}
				candidates = marked;
			}
		}
		metrics.put("selection", criterion);
		metrics.put("candidates", ModelSelection.asMaps(candidates));
		return new SupportChoice(support, er, candidates, metrics);
	}

	private static List<String> selected(List<String> names, boolean[] s) {
		List<String> out = new ArrayList<>();
		for (int j = 0; j < s.length; j++) {
			if (s[j]) {
				out.add(names.get(j));
			}
		}
		return out;
	}

	/**
	 * Least-squares standard errors {@code sqrt(RSS / (n - k) (X'X)^-1_jj)} of the
	 * non-zero coefficients {@code w} (zero elsewhere, NaN when {@code n <= k}).
	 */
	public static double[] standardErrors(double[][] columns, double[] y, double[] w) {
		int k = columns.length;
		int n = y.length;
		List<Integer> idx = new ArrayList<>();
		for (int j = 0; j < k; j++) {
			if (w[j] != 0) {
				idx.add(j);
			}
		}
		double[] se = new double[k];
		int m = idx.size();
		if (m == 0) {
			return se;
		}
		if (n <= m) {
			java.util.Arrays.fill(se, Double.NaN);
			return se;
		}
		double rss = 0;
		for (int i = 0; i < n; i++) {
			double r = y[i];
			for (int j : idx) {
				r -= w[j] * columns[j][i];
			}
			rss += r * r;
		}
		double[] scale = new double[m];
		org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(m, m);
		for (int p = 0; p < m; p++) {
			double[] a = columns[idx.get(p)];
			double s = 0;
			for (double v : a) {
				s += v * v;
			}
			scale[p] = (s > 0) ? Math.sqrt(s) : 1;
		}
		for (int p = 0; p < m; p++) {
			for (int q = p; q < m; q++) {
				double[] a = columns[idx.get(p)];
				double[] b = columns[idx.get(q)];
				double s = 0;
				for (int i = 0; i < n; i++) {
					s += a[i] * b[i];
				}
				s /= scale[p] * scale[q];
				g.set(p, q, s);
				g.set(q, p, s);
			}
		}
		org.ejml.data.DMatrixRMaj inv = new org.ejml.data.DMatrixRMaj(m, m);
		if (!org.ejml.dense.row.CommonOps_DDRM.invert(g, inv)) {
			org.ejml.dense.row.CommonOps_DDRM.pinv(g, inv);
		}
		double sigma2 = rss / (n - m);
		for (int p = 0; p < m; p++) {
			se[idx.get(p)] = Math.sqrt(Math.max(0, inv.get(p, p)) * sigma2) / scale[p];
		}
		return se;
	}

}
