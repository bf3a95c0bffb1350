package io.physforge.core.validation;

import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {

	private static final Field BURGERS = DataSets.read(ReferenceData.pdeFind("burgers.npz"));

	/**
	 * Measured: 2.6e-4 overall on the PDE-FIND Burgers data (x in [-8, 8), decayed ends).
	 */
	@Test
	void trueBurgersEquationReproducesTheData() {
		ValidationResult r = Validation.validateTerms(BURGERS, Map.of("u", Map.of("u*u_x", -1.0, "u_xx", 0.1)));
		assertThat(r.status()).isEqualTo("ok");
		assertThat(r.method()).isEqualTo("etdrk4-spectral");
		assertThat(r.relativeError()).isLessThan(1e-6);
		assertThat(r.finalRelativeError()).isLessThan(1e-6);
		assertThat(r.simulatedTime()).isEqualTo(BURGERS.grid().axis("t").at(100));
	}

	@Test
	void wrongEquationGivesALargeError() {
		ValidationResult r = Validation.validateTerms(BURGERS, Map.of("u", Map.of("u*u_x", -2.0, "u_xx", 0.1)));
		assertThat(r.relativeError()).isGreaterThan(0.3);
		ValidationResult slow = Validation.validateTerms(BURGERS, Map.of("u", Map.of("u_xx", 0.1)));
		assertThat(slow.relativeError()).isGreaterThan(0.3);
	}

	@Test
	void antiDiffusionIsReportedAsDiverged() {
		ValidationResult r = Validation.validateTerms(BURGERS, Map.of("u", Map.of("u_xx", -0.5)));
		assertThat(r.status()).startsWith("diverged at t=");
		assertThat(r.ok()).isFalse();
	}

	/**
	 * Non-periodic data: u = x + exp(-pi^2 nu t) sin(pi x) on [0, 1] solves u_t = nu
	 * u_xx; the method of lines reproduces it (measured error 4.5e-5).
	 */
	@Test
	void nonPeriodicDataUsesTheMethodOfLines() {
		int nx = 101;
		int nt = 21;
		double nu = 0.05;
		Axis t = Axis.uniform("t", 0, 0.05, nt);
		Axis x = Axis.uniform("x", 0, 0.01, nx);
		double[] u = new double[nt * nx];
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < nx; j++) {
				u[i * nx + j] = x.at(j) + Math.exp(-Math.PI * Math.PI * nu * t.at(i)) * Math.sin(Math.PI * x.at(j));
			}
		}
		Field data = Field.of(Grid.of(t, x), "u", u);
		ValidationResult r = Validation.validateTerms(data, Map.of("u", Map.of("u_xx", nu)));
		assertThat(r.method()).isEqualTo("rk4-finite-difference");
		assertThat(r.status()).isEqualTo("ok");
		assertThat(r.relativeError()).isLessThan(5e-4);
		ValidationResult wrong = Validation.validateTerms(data, Map.of("u", Map.of("u_xx", 4 * nu)));
		assertThat(wrong.relativeError()).isGreaterThan(10 * r.relativeError());
	}

	@Test
	void missingEquationIsSkippedWithAReason() {
		ValidationResult r = Validation.validate(BURGERS, List.of());
		assertThat(r.status()).startsWith("skipped: field u has no discovered equation");
	}

}
