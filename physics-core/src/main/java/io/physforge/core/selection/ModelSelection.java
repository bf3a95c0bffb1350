package io.physforge.core.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The sparsity path of a linear system {@code y = X w} and the choice of one model on it.
 *
 * <p>
 * Path: sequential thresholding least squares (STLSQ; Brunton, Proctor and Kutz, PNAS
 * 113, 3932, 2016) on unit-norm columns and target at {@value #PATH_POINTS} thresholds
 * log-spaced from 1e-4 to 1 (normalised coefficients: the fraction of {@code ||y||} a
 * term carries), plus the supports the caller adds (the method's own choice, the
 * ensemble's). Each distinct support is refitted by least squares through the normal
 * equations of the unit-norm columns (one {@code K x K} Gram matrix for the whole path,
 * so the sweep costs one pass over the rows).
 *
 * <p>
 * Criteria, with {@code n} rows, {@code k} terms and {@code RSS} the residual sum of
 * squares: {@code AIC = n ln(RSS / n) + 2 k} (Akaike 1974) and
 * {@code BIC = n ln(RSS / n) + k ln n} (Schwarz 1978), the Gaussian-likelihood forms used
 * for SINDy model selection by Mangan et al. (Proc. R. Soc. A 473, 20170009, 2017). On
 * the weak system the rows are overlapping test-function integrals, hence correlated:
 * {@code n} overstates the independent information and both criteria lean to larger
 * models there; that is why the default keeps the regression method's own choice (MSTLS
 * loss, TrainSTRidge held-out error) and reports the criteria beside it.
 *
 * <p>
 * Pareto front: a candidate is on it when every simpler-or-equal candidate has a larger
 * relative residual; along the front the error decreases strictly as the complexity
 * grows.
 */
public final class ModelSelection {

	/** Thresholds in the sweep. */
	public static final int PATH_POINTS = 40;

	/** Criteria accepted by {@link #select}. */
	public static final List<String> CRITERIA = List.of("method", "aic", "bic");

	private ModelSelection() {
	}

	/**
	 * All distinct supports of the path and the extra ones, sorted by complexity then
	 * error, with the Pareto flags set and the candidate equal to {@code chosen} (if any)
	 * marked chosen.
	 * @param columns the library, column by column
	 * @param names the column names
	 * @param y the target
	 * @param extra supports to include (e.g. the method's own), may be empty
	 * @param chosen the support reported, or {@code null}
	 */
	public static List<Candidate> candidates(double[][] columns, List<String> names, double[] y, List<boolean[]> extra,
			boolean[] chosen) {
		int k = columns.length;
		int n = y.length;
		double[] scale = new double[k];
		for (int j = 0; j < k; j++) {
			scale[j] = Math.sqrt(dot(columns[j], columns[j]));
		}
		double yy = dot(y, y);
		double yScale = (yy > 0) ? Math.sqrt(yy) : 1;
		double[][] gram = new double[k][k];
		double[] xty = new double[k];
		for (int a = 0; a < k; a++) {
			if (scale[a] == 0) {
				continue;
			}
			xty[a] = dot(columns[a], y) / (scale[a] * yScale);
			for (int b = a; b < k; b++) {
				if (scale[b] == 0) {
					continue;
				}
				double g = dot(columns[a], columns[b]) / (scale[a] * scale[b]);
				gram[a][b] = g;
				gram[b][a] = g;
			}
		}
		Map<String, boolean[]> supports = new LinkedHashMap<>();
		boolean[] usable = new boolean[k];
		for (int j = 0; j < k; j++) {
			usable[j] = scale[j] > 0;
		}
		for (int i = 0; i < PATH_POINTS; i++) {
			double lambda = 1e-4 * Math.pow(1e4, (double) i / (PATH_POINTS - 1));
			boolean[] s = usable.clone();
			for (int it = 0; it < 32; it++) {
				double[] w = solve(gram, xty, s);
				boolean changed = false;
				for (int j = 0; j < k; j++) {
					if (s[j] && Math.abs(w[j]) < lambda) {
						s[j] = false;
						changed = true;
					}
				}
				if (!changed) {
					break;
				}
			}
			if (count(s) > 0) {
				supports.putIfAbsent(key(s), s);
			}
		}
		for (boolean[] s : extra) {
			if (s != null && count(s) > 0) {
				supports.putIfAbsent(key(s), s.clone());
			}
		}
		if (chosen != null && count(chosen) > 0) {
			supports.putIfAbsent(key(chosen), chosen.clone());
		}
		List<Candidate> out = new ArrayList<>();
		String chosenKey = (chosen != null) ? key(chosen) : null;
		for (Map.Entry<String, boolean[]> e : supports.entrySet()) {
			boolean[] s = e.getValue();
			double[] w = solve(gram, xty, s);
			// normalised RSS = 1 - 2 w.xty + w' G w (target of unit norm)
			double rss = 1;
			for (int a = 0; a < k; a++) {
				if (w[a] == 0) {
					continue;
				}
				rss -= 2 * w[a] * xty[a];
				for (int b = 0; b < k; b++) {
					rss += w[a] * gram[a][b] * w[b];
				}
			}
			rss = Math.max(rss, 1e-30);
			double rel = Math.sqrt(rss);
			double absRss = rss * ((yy > 0) ? yy : 1);
			int c = count(s);
			double ll = n * Math.log(Math.max(absRss, Double.MIN_NORMAL) / n);
			List<String> terms = new ArrayList<>();
			Map<String, Double> coef = new LinkedHashMap<>();
			for (int j = 0; j < k; j++) {
				if (s[j]) {
					terms.add(names.get(j));
					coef.put(names.get(j), w[j] * yScale / scale[j]);
				}
			}
			out.add(new Candidate(terms, coef, c, rel, ll + 2 * c, ll + c * Math.log(n), false,
					e.getKey().equals(chosenKey)));
		}
		out.sort(Comparator.comparingInt(Candidate::complexity).thenComparingDouble(Candidate::relativeResidual));
		double best = Double.POSITIVE_INFINITY;
		List<Candidate> flagged = new ArrayList<>();
		for (Candidate c : out) {
			boolean front = c.relativeResidual() < best;
			if (front) {
				best = c.relativeResidual();
			}
			flagged.add(c.with(front, c.chosen()));
		}
		return flagged;
	}

	/**
	 * The candidate of least {@code criterion} ({@code aic} or {@code bic}), or the one
	 * marked chosen for {@code method}.
	 */
	public static Candidate select(List<Candidate> candidates, String criterion) {
		if (!CRITERIA.contains(criterion)) {
			throw new IllegalArgumentException(
					"unknown model selection criterion '" + criterion + "'; use one of " + CRITERIA);
		}
		return switch (criterion) {
			case "aic" -> candidates.stream().min(Comparator.comparingDouble(Candidate::aic)).orElse(null);
			case "bic" -> candidates.stream().min(Comparator.comparingDouble(Candidate::bic)).orElse(null);
			default -> candidates.stream().filter(Candidate::chosen).findFirst().orElse(null);
		};
	}

	/** The support of a candidate over {@code names}. */
	public static boolean[] support(Candidate c, List<String> names) {
		boolean[] s = new boolean[names.size()];
		for (int j = 0; j < names.size(); j++) {
			s[j] = c.terms().contains(names.get(j));
		}
		return s;
	}

	/** The candidates as JSON-ready maps. */
	public static List<Map<String, Object>> asMaps(List<Candidate> candidates) {
		return candidates.stream().map(Candidate::asMap).toList();
	}

	private static double[] solve(double[][] gram, double[] xty, boolean[] s) {
		int k = gram.length;
		int[] idx = new int[count(s)];
		int m = 0;
		for (int j = 0; j < k; j++) {
			if (s[j]) {
				idx[m++] = j;
			}
		}
		double[] w = new double[k];
		if (m == 0) {
			return w;
		}
		DMatrixRMaj a = new DMatrixRMaj(m, m);
		DMatrixRMaj b = new DMatrixRMaj(m, 1);
		for (int p = 0; p < m; p++) {
			b.set(p, 0, xty[idx[p]]);
			for (int q = 0; q < m; q++) {
				a.set(p, q, gram[idx[p]][idx[q]] + ((p == q) ? 1e-12 : 0));
			}
		}
		LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m);
		DMatrixRMaj x = new DMatrixRMaj(m, 1);
		if (!solver.setA(a)) {
			solver = LinearSolverFactory_DDRM.pseudoInverse(true);
			solver.setA(a);
		}
		solver.solve(b, x);
		for (int p = 0; p < m; p++) {
			w[idx[p]] = x.get(p, 0);
		}
		return w;
	}

	private static String key(boolean[] s) {
		char[] c = new char[s.length];
		for (int j = 0; j < s.length; j++) {
			c[j] = s[j] ? '1' : '0';
		}
		return new String(c);
	}

	private static int count(boolean[] s) {
		int n = 0;
		for (boolean b : s) {
			if (b) {
				n++;
			}
		}
		return n;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

}
