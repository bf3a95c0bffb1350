package io.physforge.core.simulate;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where, when and from what a built-in simulation runs: a periodic grid of {@code nx}
 * (and, for 2-D equations, {@code ny}) points {@code x_j = xMin + j * xLength / nx},
 * {@code j = 0 .. nx-1} (the period is {@code xLength}; the point {@code xMin + xLength}
 * is the image of {@code xMin} and is not stored), the output times, the named initial
 * condition (imposed at {@code times[0]}) and an optional maximal internal time step.
 *
 * <p>
 * Use {@link Simulations#defaultSettings(String)} and the {@code with...} methods rather
 * than the canonical constructor. Validation against an equation (known initial
 * condition, 1-D or 2-D) happens in {@link Simulations#simulate}; this record checks only
 * what is wrong for every equation.
 *
 * @param xMin first x coordinate
 * @param xLength period along x, {@code > 0}
 * @param nx points along x, even and {@code >= 8}
 * @param yMin first y coordinate (2-D equations only)
 * @param yLength period along y (2-D equations only; 0 for 1-D)
 * @param ny points along y: even and {@code >= 8} for 2-D equations, 0 for 1-D ones
 * @param times output times, strictly increasing, at least one (defensively copied)
 * @param initialCondition name of one of the equation's initial conditions
 * ({@link Simulations#initialConditions(String)})
 * @param timeStep largest internal time step, or 0 to let the solver choose one for
 * accuracy and stability (recommended)
 */
public record SimulationSettings(double xMin, double xLength, int nx, double yMin, double yLength, int ny,
		double[] times, String initialCondition, double timeStep) {

	public SimulationSettings {
		Objects.requireNonNull(times, "times");
		Objects.requireNonNull(initialCondition, "initialCondition");
		times = times.clone();
		check(Double.isFinite(xMin), "xMin must be finite, got " + xMin);
		check(Double.isFinite(xLength) && xLength > 0, "xLength (the period along x) must be > 0, got " + xLength);
		check(nx >= 8 && nx % 2 == 0, "nx must be even and >= 8, got " + nx);
		check(ny == 0 || (ny >= 8 && ny % 2 == 0), "ny must be 0 (1-D) or even and >= 8 (2-D), got " + ny);
		check(ny == 0 || (Double.isFinite(yMin) && Double.isFinite(yLength) && yLength > 0),
				"a 2-D grid needs finite yMin and yLength > 0, got yMin=" + yMin + ", yLength=" + yLength);
		check(times.length >= 1, "times must hold at least one output time");
		for (int i = 0; i < times.length; i++) {
			check(Double.isFinite(times[i]), "times[" + i + "] is not finite: " + times[i]);
			check(i == 0 || times[i] > times[i - 1], "times must be strictly increasing; times[" + (i - 1) + "]="
					+ (i == 0 ? "" : times[i - 1]) + " then times[" + i + "]=" + times[i]);
		}
		check(Double.isFinite(timeStep) && timeStep >= 0,
				"timeStep must be 0 (automatic) or a positive maximal step, got " + timeStep);
	}

	private static void check(boolean ok, String message) {
		if (!ok) {
			throw new IllegalArgumentException("invalid simulation settings: " + message);
		}
	}

	/** 1-D settings. */
	public static SimulationSettings oneDimensional(double xMin, double xLength, int nx, double[] times,
			String initialCondition) {
		return new SimulationSettings(xMin, xLength, nx, 0, 0, 0, times, initialCondition, 0);
	}

	/**
	 * {@code count} equally spaced times from {@code start} to {@code end} inclusive
	 * ({@code start + i * (end - start) / (count - 1)}).
	 */
	public static double[] uniformTimes(double start, double end, int count) {
		if (count < 1 || (count > 1 && !(end > start))) {
			throw new IllegalArgumentException(
					"uniformTimes needs count >= 1 and end > start, got " + start + ".." + end + " x" + count);
		}
		double[] t = new double[count];
		for (int i = 0; i < count; i++) {
			t[i] = (count == 1) ? start : start + i * (end - start) / (count - 1);
		}
		return t;
	}

	/** Whether the grid is 2-D ({@code ny > 0}). */
	public boolean twoDimensional() {
		return this.ny > 0;
	}

	@Override
	public double[] times() {
		return this.times.clone();
	}

	/** Output time {@code i}. */
	public double time(int i) {
		return this.times[i];
	}

	/** Number of output times. */
	public int timeCount() {
		return this.times.length;
	}

	public SimulationSettings withX(double newXMin, double newXLength, int newNx) {
		return new SimulationSettings(newXMin, newXLength, newNx, this.yMin, this.yLength, this.ny, this.times,
				this.initialCondition, this.timeStep);
	}

	public SimulationSettings withY(double newYMin, double newYLength, int newNy) {
		return new SimulationSettings(this.xMin, this.xLength, this.nx, newYMin, newYLength, newNy, this.times,
				this.initialCondition, this.timeStep);
	}

	public SimulationSettings withTimes(double[] newTimes) {
		return new SimulationSettings(this.xMin, this.xLength, this.nx, this.yMin, this.yLength, this.ny, newTimes,
				this.initialCondition, this.timeStep);
	}

	public SimulationSettings withInitialCondition(String name) {
		return new SimulationSettings(this.xMin, this.xLength, this.nx, this.yMin, this.yLength, this.ny, this.times,
				name, this.timeStep);
	}

	public SimulationSettings withTimeStep(double maxStep) {
		return new SimulationSettings(this.xMin, this.xLength, this.nx, this.yMin, this.yLength, this.ny, this.times,
				this.initialCondition, maxStep);
	}

	/** The x coordinates {@code xMin + j * xLength / nx}. */
	public double[] xCoordinates() {
		return coordinates(this.xMin, this.xLength, this.nx);
	}

	/** The y coordinates (empty for 1-D settings). */
	public double[] yCoordinates() {
		return coordinates(this.yMin, this.yLength, this.ny);
	}

	private static double[] coordinates(double start, double length, int n) {
		double[] c = new double[n];
		for (int j = 0; j < n; j++) {
			c[j] = start + j * length / n;
		}
		return c;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SimulationSettings s && Double.compare(this.xMin, s.xMin) == 0
				&& Double.compare(this.xLength, s.xLength) == 0 && this.nx == s.nx
				&& Double.compare(this.yMin, s.yMin) == 0 && Double.compare(this.yLength, s.yLength) == 0
				&& this.ny == s.ny && Arrays.equals(this.times, s.times)
				&& this.initialCondition.equals(s.initialCondition) && Double.compare(this.timeStep, s.timeStep) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.xMin, this.xLength, this.nx, this.yMin, this.yLength, this.ny,
				Arrays.hashCode(this.times), this.initialCondition, this.timeStep);
	}

	@Override
	public String toString() {
		String t = (this.times.length == 1) ? "[" + this.times[0] + "]"
				: "[" + this.times[0] + ".." + this.times[this.times.length - 1] + " x" + this.times.length + "]";
		return "SimulationSettings[x=" + this.xMin + "+[0," + this.xLength + ") x" + this.nx
				+ (twoDimensional() ? ", y=" + this.yMin + "+[0," + this.yLength + ") x" + this.ny : "") + ", t=" + t
				+ ", initialCondition=" + this.initialCondition + ", timeStep="
				+ (this.timeStep == 0 ? "auto" : this.timeStep) + "]";
	}

}
