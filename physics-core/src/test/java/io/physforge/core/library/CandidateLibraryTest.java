package io.physforge.core.library;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CandidateLibraryTest {

	@Test
	void oneFieldOneAxisHasPdeFindLibrary() {
		CandidateLibrary lib = CandidateLibrary.polynomial(List.of("u"), List.of("x"), 3, 4);
		assertThat(lib.size()).isEqualTo(20);
		assertThat(lib.names()).startsWith("1", "u", "u^2", "u^3", "u_x", "u*u_x").contains("u^2*u_xx", "u^3*u_xxxx");
		assertThat(lib.derivativeFactors()).extracting(Factor::name).containsExactly("u_x", "u_xx", "u_xxx", "u_xxxx");
		assertThat(lib.names()).doesNotHaveDuplicates();
	}

	@Test
	void twoFieldsIncludeMixedMonomials() {
		CandidateLibrary lib = CandidateLibrary.polynomial(List.of("u", "v"), List.of("x"), 3, 4);
		assertThat(lib.size()).isEqualTo(10 * 9);
		assertThat(lib.names()).contains("u*v^2", "u^2*v", "v^3", "u^3", "v_xx", "u*v*u_xxxx");
	}

	@Test
	void twoDimensionsIncludeMixedDerivatives() {
		CandidateLibrary lib = CandidateLibrary.polynomial(List.of("u"), List.of("x", "y"), 1, 2);
		assertThat(lib.derivativeFactors()).extracting(Factor::name)
			.containsExactly("u_x", "u_y", "u_xx", "u_xy", "u_yy");
		assertThat(lib.size()).isEqualTo(2 * 6);
		for (Term t : lib.terms()) {
			assertThat(Term.parse(t.name())).isEqualTo(t);
		}
	}

	@Test
	void rejectsBadArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CandidateLibrary.polynomial(List.of("u"), List.of("t"), 3, 4))
			.withMessageContaining("spatial axes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CandidateLibrary.polynomial(List.of("u", "u"), List.of("x"), 3, 4))
			.withMessageContaining("duplicate");
	}

}
