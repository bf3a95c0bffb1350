package io.physforge.core.library;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TermTest {

	@Test
	void canonicalNamesRoundTrip() {
		for (String name : List.of("1", "u", "u^2", "u*u_x", "u^2*u_xx", "u*v^2", "u^2*v", "v_xx", "u*v*u_xy",
				"u_x*u_xx", "u_x^2")) {
			assertThat(Term.parse(name).name()).isEqualTo(name);
		}
	}

	@Test
	void ordersFieldPowersFirstThenDerivativesByOrder() {
		Term t = Term.of(List.of(Factor.derivative("u", "xx"), Factor.field("v"), Factor.field("u"),
				Factor.derivative("v", "x"), Factor.field("u")), List.of("u", "v"));
		assertThat(t.name()).isEqualTo("u^2*v*v_x*u_xx");
		assertThat(Term.parse("v*u", List.of("u", "v")).name()).isEqualTo("u*v");
		assertThat(Term.parse("u_yx").name()).isEqualTo("u_xy");
		assertThat(t.fieldDegree()).isEqualTo(3);
		assertThat(t.maxOrder()).isEqualTo(2);
	}

	@Test
	void latexIsDerivedFromTheName() {
		assertThat(Term.parse("u*u_x").latex()).isEqualTo("u u_{x}");
		assertThat(Term.parse("u^2*v").latex()).isEqualTo("u^{2} v");
		assertThat(Term.parse("u_xx").latex()).isEqualTo("u_{xx}");
		assertThat(Term.parse("u_x^2").latex()).isEqualTo("u_{x}^{2}");
		assertThat(Term.ONE.latex()).isEqualTo("1");
	}

	@Test
	void evaluatesProducts() {
		Map<String, double[]> base = Map.of("u", new double[] { 2, 3 }, "u_x", new double[] { 5, 7 });
		double[] out = new double[2];
		Term.parse("u^2*u_x").evaluate(base::get, out);
		assertThat(out[0]).isCloseTo(20.0, within(0.0));
		assertThat(out[1]).isCloseTo(63.0, within(0.0));
		Term.ONE.evaluate(base::get, out);
		assertThat(out).containsExactly(1.0, 1.0);
	}

	@Test
	void rejectsMalformedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> Term.parse("")).withMessageContaining("'1'");
		assertThatIllegalArgumentException().isThrownBy(() -> Term.parse("u**v")).withMessageContaining("empty factor");
		assertThatIllegalArgumentException().isThrownBy(() -> Term.parse("u_q")).withMessageContaining("axis letters");
		assertThatIllegalArgumentException().isThrownBy(() -> Term.parse("u^x")).withMessageContaining("power");
		assertThatIllegalArgumentException().isThrownBy(() -> Term.parse("w*u", List.of("u")))
			.withMessageContaining("not among the fields");
	}

}
