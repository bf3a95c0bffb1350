package io.physforge.pinn;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PinnEquationTest {

	private static final List<String> U = List.of("u");

	private static final List<String> TX = List.of("t", "x");

	@Test
	void readsNamedAndFixedCoefficients() {
		PinnEquation e = PinnEquation.parse("u_t = c1*u*u_x + c2*u_xx - 1e-3*u_xxx + 2", U, TX);
		assertThat(e.coefficientNames()).containsExactly("c1", "c2");
		assertThat(e.requiredNames()).containsExactly("u_t", "u", "u_x", "u_xx", "u_xxx");
		PinnEquation.Equation eq = e.equations().get(0);
		assertThat(eq.terms()).hasSize(4);
		assertThat(eq.terms().get(2).scale()).isEqualTo(-1e-3);
		assertThat(eq.terms().get(2).coefficient()).isNull();
		assertThat(eq.terms().get(3).factors()).isEmpty();
		assertThat(e.text(Map.of("c1", -1.0, "c2", 0.1)))
			.isEqualTo("u_t = -1.00000*u*u_x + 0.100000*u_xx - 0.00100000*u_xxx + 2.00000");
	}

	@Test
	void readsSeveralEquationsAndPowers() {
		PinnEquation e = PinnEquation.parse("u_t = a*u^3 + b*v_xx; v_t = -u*v", List.of("u", "v"), TX);
		assertThat(e.equations()).hasSize(2);
		assertThat(e.coefficientNames()).containsExactly("a", "b");
		assertThat(e.equations().get(0).terms().get(0).factors().get(0).power()).isEqualTo(3);
	}

	@Test
	void saysWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t c1*u", U, TX))
			.withMessageContaining("exactly one '='");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t = c1*w_x", U, TX))
			.withMessageContaining("'w_x' names no field");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t = c1*u_yy", U, TX))
			.withMessageContaining("not an axis");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t = a*b*u", U, TX))
			.withMessageContaining("two coefficient names");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u = c*u_x", U, TX))
			.withMessageContaining("left side must be a derivative");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t = c*u_xxxxx", U, TX))
			.withMessageContaining("order 5");
		assertThatIllegalArgumentException().isThrownBy(() -> PinnEquation.parse("u_t = c1*u*", U, TX))
			.withMessageContaining("empty factor");
	}

}
