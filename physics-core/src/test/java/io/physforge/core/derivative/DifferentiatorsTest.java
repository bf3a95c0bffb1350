package io.physforge.core.derivative;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DifferentiatorsTest {

	@Test
	void buildsEveryMethodWithItsDefaults() {
		assertThat(Differentiators.names()).containsExactly("fd", "poly", "sg", "spectral");
		assertThat(Differentiators.byName("fd")).isEqualTo(new FiniteDifference(4));
		assertThat(Differentiators.byName("poly")).isEqualTo(new PolynomialFit(5, 10, PolynomialFit.Basis.CHEBYSHEV));
		assertThat(Differentiators.byName("sg")).isEqualTo(new SavitzkyGolay(4, 6));
		assertThat(Differentiators.byName("spectral")).isEqualTo(new Spectral(Spectral.Filter.NONE));
		assertThat(Differentiators.byName(" FD ")).isEqualTo(new FiniteDifference());
	}

	@Test
	void passesOptions() {
		assertThat(Differentiators.byName("fd", Map.of("accuracy", "6"))).isEqualTo(new FiniteDifference(6));
		assertThat(Differentiators.byName("poly", Map.of("degree", "3", "width", "7", "basis", "monomial")))
			.isEqualTo(new PolynomialFit(3, 7, PolynomialFit.Basis.MONOMIAL));
		assertThat(Differentiators.byName("sg", Map.of("Degree", "2", "width", "3")))
			.isEqualTo(new SavitzkyGolay(2, 3));
		assertThat(Differentiators.byName("spectral", Map.of("filter", "Dealias")))
			.isEqualTo(new Spectral(Spectral.Filter.DEALIAS));
		assertThat(Differentiators.byName("poly", Map.of("degree", "3")))
			.isEqualTo(new PolynomialFit(3, PolynomialFit.DEFAULT_HALF_WIDTH));
	}

	@Test
	void rejectsAnUnknownNameListingTheKnownOnes() {
		assertThatThrownBy(() -> Differentiators.byName("chebyshev")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'chebyshev'")
			.hasMessageContaining("[fd, poly, sg, spectral]");
	}

	@Test
	void rejectsUnknownOptionsAndBadValues() {
		assertThatThrownBy(() -> Differentiators.byName("fd", Map.of("order", "4")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("[order]")
			.hasMessageContaining("[accuracy]");
		assertThatThrownBy(() -> Differentiators.byName("sg", Map.of("degree", "four")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("integer")
			.hasMessageContaining("'four'");
		assertThatThrownBy(() -> Differentiators.byName("spectral", Map.of("filter", "gauss")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("[none, dealias, exponential]");
		assertThatThrownBy(() -> Differentiators.byName("fd", Map.of("accuracy", "5")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("even");
	}

}
