package io.physforge.core.derivative.internal;

/**
 * A linear operator along one axis: row {@code i} of the result is
 * {@code sum_k w_i[k] * v[start_i + k]}. Three storage forms keep memory small:
 * <ul>
 * <li>uniform: one shared interior row plus explicit rows at the two edges (constant
 * memory in the axis length);</li>
 * <li>table: one row per index (non-uniform axes of moderate length);</li>
 * <li>lazy: rows computed when needed (non-uniform axes so long that a table would not
 * fit comfortably).</li>
 * </ul>
 * {@link #apply} walks a row-major field without per-line allocations: for the last axis
 * line by line, for any other axis row by row over contiguous blocks, so the inner loop
 * runs over contiguous memory.
 */
public final class AxisStencil {

	/** Largest table, in weights, before rows are computed lazily. */
	static final long TABLE_LIMIT = 1L << 22;

	/** One row: its first node and its weights. */
	public record Row(int start, double[] weights) {
	}

	/** Source of the row for an axis index. */
	@FunctionalInterface
	public interface RowFunction {

		Row row(int i);

	}

	private final int n;

	// uniform form
	private final double[] centre;

	private final int centreHalf;

	private final int edge;

	// uniform edges (2*edge rows) or table (n rows)
	private final Row[] rows;

	// lazy form
	private final RowFunction lazy;

	private AxisStencil(int n, double[] centre, int centreHalf, int edge, Row[] rows, RowFunction lazy) {
		this.n = n;
		this.centre = centre;
		this.centreHalf = centreHalf;
		this.edge = edge;
		this.rows = rows;
		this.lazy = lazy;
	}

	/**
	 * A stencil that uses {@code centre} (nodes {@code i - half .. i + half}) at every
	 * index at least {@code edge} from either end, and {@code edges} at the others.
	 */
	public static AxisStencil uniform(int n, double[] centre, int edge, RowFunction edges) {
		int half = (centre.length - 1) / 2;
		int e = Math.min(Math.max(edge, half), (n + 1) / 2);
		Row[] rows = new Row[2 * e];
		for (int i = 0; i < e; i++) {
			rows[i] = edges.row(i);
			rows[e + i] = edges.row(n - e + i);
		}
		return new AxisStencil(n, centre, half, e, rows, null);
	}

	/** A stencil with an arbitrary row per index, tabulated when small enough. */
	public static AxisStencil general(int n, int maxWidth, RowFunction f) {
		if ((long) n * maxWidth <= TABLE_LIMIT) {
			Row[] rows = new Row[n];
			for (int i = 0; i < n; i++) {
				rows[i] = f.row(i);
			}
			return new AxisStencil(n, null, 0, 0, rows, null);
		}
		return new AxisStencil(n, null, 0, 0, null, f);
	}

	/** The row of axis index {@code i}. */
	public Row row(int i) {
		if (this.lazy != null) {
			return this.lazy.row(i);
		}
		if (this.centre == null) {
			return this.rows[i];
		}
		if (i < this.edge) {
			return this.rows[i];
		}
		if (i >= this.n - this.edge) {
			return this.rows[this.edge + i - (this.n - this.edge)];
		}
		return new Row(i - this.centreHalf, this.centre);
	}

	/** Applies the operator along the axis described by {@code layout}. */
	public double[] apply(double[] in, AxisLayout layout) {
		double[] out = new double[in.length];
		int n = layout.n();
		int inner = layout.inner();
		int outer = layout.outer();
		if (inner == 1 && this.lazy == null) {
			for (int o = 0; o < outer; o++) {
				applyLine(in, out, o * n);
			}
			return out;
		}
		for (int i = 0; i < n; i++) {
			Row r = row(i);
			double[] w = r.weights();
			int s = r.start();
			for (int o = 0; o < outer; o++) {
				int block = o * n * inner;
				int dst = block + i * inner;
				int src0 = block + s * inner;
				if (inner == 1) {
					double acc = 0;
					for (int k = 0; k < w.length; k++) {
						acc += w[k] * in[src0 + k];
					}
					out[dst] = acc;
					continue;
				}
				double w0 = w[0];
				for (int j = 0; j < inner; j++) {
					out[dst + j] = w0 * in[src0 + j];
				}
				for (int k = 1; k < w.length; k++) {
					double wk = w[k];
					int src = src0 + k * inner;
					for (int j = 0; j < inner; j++) {
						out[dst + j] += wk * in[src + j];
					}
				}
			}
		}
		return out;
	}

	private void applyLine(double[] in, double[] out, int base) {
		if (this.centre == null) {
			for (int i = 0; i < this.n; i++) {
				out[base + i] = dot(this.rows[i], in, base);
			}
			return;
		}
		int e = this.edge;
		for (int i = 0; i < e; i++) {
			out[base + i] = dot(this.rows[i], in, base);
			out[base + this.n - e + i] = dot(this.rows[e + i], in, base);
		}
		double[] c = this.centre;
		int width = c.length;
		for (int i = e; i < this.n - e; i++) {
			int src = base + i - this.centreHalf;
			double acc = 0;
			for (int k = 0; k < width; k++) {
				acc += c[k] * in[src + k];
			}
			out[base + i] = acc;
		}
	}

	private static double dot(Row r, double[] in, int base) {
		double[] w = r.weights();
		int src = base + r.start();
		double acc = 0;
		for (int k = 0; k < w.length; k++) {
			acc += w[k] * in[src + k];
		}
		return acc;
	}

}
