package io.physforge.core.derivative;

import java.util.Locale;
import java.util.Map;

import io.physforge.core.derivative.internal.AxisLayout;
import io.physforge.core.derivative.internal.AxisStencil;
import io.physforge.core.derivative.internal.LocalFit;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;

/**
 * Derivatives of local least-squares polynomial fits: PDE-FIND's {@code PolyDiff} (S. H.
 * Rudy, S. L. Brunton, J. L. Proctor, J. N. Kutz, "Data-driven discovery of partial
 * differential equations", Sci. Adv. 3 (2017) e1602614). At each point a polynomial of
 * degree {@code d} is fitted by least squares to the {@code 2w + 1} nearest points
 * ({@code w} on each side, in actual coordinates, so any grid spacing works) and
 * differentiated at the point. Within {@code w} of an end the window is the first or last
 * {@code 2w + 1} points and the fit is differentiated off-centre; PDE-FIND drops these
 * points, which is what {@link #unreliableEdge(int)} {@code = w} tells discovery to do.
 *
 * <p>
 * The fit is expressed in a Chebyshev basis on the window mapped to {@code [-1, 1]}
 * (PDE-FIND uses {@code numpy.polynomial.chebyshev.chebfit}) or, optionally, in plain
 * monomials; both give the same estimate up to rounding. The estimate is linear in the
 * data, so it runs as a precomputed stencil. On a uniform axis it equals
 * {@link SavitzkyGolay} with the same degree and half-width.
 *
 * <p>
 * Defaults: degree {@value #DEFAULT_DEGREE} (PDE-FIND's {@code deg_x}) and half-width
 * {@value #DEFAULT_HALF_WIDTH} (PDE-FIND's {@code PolyDiff} {@code width}). Error on
 * smooth data: {@code O(H^(d+1-m))} for the {@code m}-th derivative, {@code H} the window
 * length, one order better in the interior of a uniform axis when {@code d+1-m} is odd.
 * Measured (PolynomialFitTest and the contract test, defaults): on 128 points of
 * {@code sin x} over {@code [0, 2 pi)}, interior maximum errors {@code 2.7e-7, 8.4e-5,
 * 5.7e-5, 1.2e-2} for orders 1 to 4; on a stretched non-uniform axis of 201 points,
 * {@code 2e-7} (interior) and {@code 9e-6} (ends) for the first derivative of
 * {@code sin 3x}. On 401 points of {@code sin x} with 1% Gaussian noise the RMS error is
 * {@code 0.080} for the first and {@code 1.5} for the second derivative, against
 * {@code 0.44} and {@code 93} for 4th-order finite differences. On a 10^7-point grid it
 * takes 0.1 to 0.2 s per axis (DerivativeBench).
 */
public final class PolynomialFit implements Differentiator {

	/** Default polynomial degree. */
	public static final int DEFAULT_DEGREE = 5;

	/** Default number of points on each side of the centre. */
	public static final int DEFAULT_HALF_WIDTH = 10;

	/** Polynomial basis of the local fit. */
	public enum Basis {

		/** Chebyshev polynomials on the window mapped to {@code [-1, 1]} (PDE-FIND). */
		CHEBYSHEV,
		/** Powers of the window coordinate mapped to {@code [-1, 1]}. */
		MONOMIAL

	}

	private final int degree;

	private final int halfWidth;

	private final Basis basis;

	/**
	 * Degree {@value #DEFAULT_DEGREE}, half-width {@value #DEFAULT_HALF_WIDTH},
	 * Chebyshev.
	 */
	public PolynomialFit() {
		this(DEFAULT_DEGREE, DEFAULT_HALF_WIDTH, Basis.CHEBYSHEV);
	}

	/** Chebyshev basis. */
	public PolynomialFit(int degree, int halfWidth) {
		this(degree, halfWidth, Basis.CHEBYSHEV);
	}

	/**
	 * @param degree polynomial degree, 1 to 12 (at least the derivative order asked for)
	 * @param halfWidth points on each side of the centre, at least 1 and with
	 * {@code 2 * halfWidth + 1 > degree}
	 * @param basis basis of the fit
	 */
	public PolynomialFit(int degree, int halfWidth, Basis basis) {
		this.degree = checkDegree("poly", degree);
		this.halfWidth = checkHalfWidth("poly", halfWidth, degree);
		this.basis = java.util.Objects.requireNonNull(basis, "basis");
	}

	static int checkDegree(String method, int degree) {
		if (degree < 1 || degree > 12) {
			throw new IllegalArgumentException(method
					+ ": polynomial degree must be from 1 to 12 (and at least the derivative order), got " + degree);
		}
		return degree;
	}

	static int checkHalfWidth(String method, int halfWidth, int degree) {
		if (halfWidth < 1 || 2 * halfWidth + 1 < degree + 1) {
			throw new IllegalArgumentException(method + ": half-width " + halfWidth + " gives a window of "
					+ (2 * halfWidth + 1) + " points, too few for a degree-" + degree
					+ " fit; use a half-width of at least " + Math.max(1, (degree + 1) / 2));
		}
		return halfWidth;
	}

	public int degree() {
		return this.degree;
	}

	public int halfWidth() {
		return this.halfWidth;
	}

	public Basis basis() {
		return this.basis;
	}

	@Override
	public double[] differentiate(Grid grid, double[] values, String axis, int order) {
		AxisLayout layout = AxisLayout.of(name(), grid, values, axis, order);
		return stencil(name(), layout, order, this.degree, this.halfWidth, this.basis == Basis.CHEBYSHEV).apply(values,
				layout);
	}

	static AxisStencil stencil(String method, AxisLayout layout, int order, int degree, int halfWidth,
			boolean chebyshev) {
		if (order > degree) {
			throw new IllegalArgumentException(
					method + ": a derivative of order " + order + " needs a polynomial of degree at least " + order
							+ " but the degree is " + degree + "; raise the degree option");
		}
		int count = 2 * halfWidth + 1;
		layout.requirePoints(method, count, "a fit window of half-width " + halfWidth);
		Axis axis = layout.axis();
		double[] x = axis.values();
		int n = layout.n();
		AxisStencil.RowFunction rows = (i) -> {
			int start = Math.max(0, Math.min(i - halfWidth, n - count));
			return new AxisStencil.Row(start, LocalFit.weights(x[i], x, start, count, degree, order, chebyshev));
		};
		if (axis.isUniform()) {
			double[] offsets = new double[count];
			for (int k = 0; k < count; k++) {
				offsets[k] = k - halfWidth;
			}
			double[] centre = LocalFit.weights(0, offsets, 0, count, degree, order, chebyshev);
			double scale = Math.pow(axis.spacing(), -order);
			for (int k = 0; k < count; k++) {
				centre[k] *= scale;
			}
			return AxisStencil.uniform(n, centre, halfWidth, rows);
		}
		return AxisStencil.general(n, count, rows);
	}

	@Override
	public int unreliableEdge(int order) {
		AxisLayout.checkOrder(name(), order);
		return this.halfWidth;
	}

	@Override
	public String name() {
		return "poly";
	}

	@Override
	public Map<String, String> settings() {
		return Map.of("degree", Integer.toString(this.degree), "width", Integer.toString(this.halfWidth), "basis",
				this.basis.name().toLowerCase(Locale.ROOT));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof PolynomialFit other && other.degree == this.degree && other.halfWidth == this.halfWidth
				&& other.basis == this.basis;
	}

	@Override
	public int hashCode() {
		return (this.degree * 31 + this.halfWidth) * 31 + this.basis.hashCode();
	}

	@Override
	public String toString() {
		return "poly(degree=" + this.degree + ", width=" + this.halfWidth + ", basis="
				+ this.basis.name().toLowerCase(Locale.ROOT) + ")";
	}

}
