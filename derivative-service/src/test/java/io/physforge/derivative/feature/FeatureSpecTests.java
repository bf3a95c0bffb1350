package io.physforge.derivative.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.platform.problem.Problems.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FeatureSpec} reads a request member by member and reports every offending one;
 * {@link FeatureComputer} differentiates along each axis with that axis's method.
 */
class FeatureSpecTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void defaultsAreFiniteDifferencesOfWhatDiscoveryNeeds() {
		FeatureSpec spec = parse("{}", new ArrayList<>());
		assertThat(spec.method()).isEqualTo("fd");
		assertThat(spec.timeMethod()).isEqualTo("fd");
		assertThat(spec.names()).isEmpty();
		assertThat(spec.maxOrder()).isEqualTo(FeatureSpec.DEFAULT_MAX_ORDER);
		assertThat(parse(null, new ArrayList<>())).isEqualTo(spec);
	}

	@Test
	void timeTakesTheMethodAndItsOptionsExceptForSpectral() {
		FeatureSpec poly = parse("{\"method\":\"POLY\",\"options\":{\"degree\":4,\"width\":\"8\"}}", new ArrayList<>());
		assertThat(poly.method()).isEqualTo("poly");
		assertThat(poly.timeMethod()).isEqualTo("poly");
		assertThat(poly.timeOptions()).isEqualTo(Map.of("degree", "4", "width", "8"));
		FeatureSpec spectral = parse("{\"method\":\"spectral\",\"options\":{\"filter\":\"dealias\"}}",
				new ArrayList<>());
		assertThat(spectral.timeMethod()).isEqualTo("fd");
		assertThat(spectral.timeOptions()).isEmpty();
		FeatureSpec own = parse("{\"method\":\"sg\",\"timeMethod\":\"fd\",\"timeOptions\":{\"accuracy\":\"6\"}}",
				new ArrayList<>());
		assertThat(own.timeMethod()).isEqualTo("fd");
		assertThat(own.timeOptions()).isEqualTo(Map.of("accuracy", "6"));
	}

	@Test
	void pinnNamesItsModelAndTakesNoDifferentiatorOptions() {
		FeatureSpec spec = parse("{\"method\":\"pinn:model-7\"}", new ArrayList<>());
		assertThat(spec.pinn()).isTrue();
		assertThat(spec.modelId()).isEqualTo("model-7");
		assertThat(spec.asMap().get("method")).isEqualTo("pinn:model-7");
		List<FieldError> errors = new ArrayList<>();
		assertThat(parse("{\"method\":\"pinn:\",\"options\":{\"accuracy\":\"4\"},\"timeMethod\":\"fd\"}", errors))
			.isNull();
		assertThat(fields(errors)).containsExactlyInAnyOrder("method", "options", "timeMethod");
	}

	@Test
	void everyOffendingMemberIsReported() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(parse(
				"{\"method\":\"sg\",\"options\":{\"degre\":\"4\"},\"timeMethod\":\"euler\",\"maxOrder\":0,"
						+ "\"names\":[\"u_x\",\"u_x\",\"u-x\",7],\"modelLocation\":\"s3://models/k\",\"other\":1}",
				errors))
			.isNull();
		assertThat(fields(errors)).containsExactlyInAnyOrder("options", "timeMethod", "maxOrder", "names[1]",
				"names[2]", "names[3]", "modelLocation", "other");
		assertThat(errors.get(fields(errors).indexOf("options")).message()).contains("degre");
	}

	@Test
	void eachAxisIsDifferentiatedWithItsOwnMethodAndTrimmedByItsEdge() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.05, 30), Axis.uniform("x", 0, 2 * Math.PI / 64, 64));
		double[] u = new double[grid.size()];
		for (int i = 0; i < 30; i++) {
			for (int j = 0; j < 64; j++) {
				u[i * 64 + j] = Math.exp(-0.5 * i * 0.05) * Math.sin(j * 2 * Math.PI / 64);
			}
		}
		Field data = Field.of(grid, "u", u);
		FeatureSpec spec = parse(
				"{\"method\":\"spectral\",\"timeOptions\":{\"accuracy\":\"2\"}," + "\"names\":[\"u_xx\",\"u_tx\"]}",
				new ArrayList<>());
		FeatureComputer.Features features = FeatureComputer.numerical(data, spec);
		Differentiator spectral = Differentiators.byName("spectral");
		Differentiator fd2 = Differentiators.byName("fd", Map.of("accuracy", "2"));
		assertThat(features.names()).containsExactly("u", "u_xx", "u_tx");
		assertThat(features.field().values("u_xx")).containsExactly(spectral.differentiate(grid, u, "x", 2));
		assertThat(features.field().values("u_tx"))
			.containsExactly(spectral.differentiate(grid, fd2.differentiate(grid, u, "t", 1), "x", 1));
		assertThat(features.trim()).isEqualTo(Map.of("t", fd2.unreliableEdge(1), "x", 0));
		assertThat(features.shape()).isEqualTo(Map.of("t", 30, "x", 64));

		assertThatExceptionOfType(InvalidFeatureSpecException.class)
			.isThrownBy(() -> FeatureComputer.numerical(data,
					parse("{\"names\":[\"v_x\",\"u_y\",\"u_t\"]}", new ArrayList<>())))
			.satisfies((ex) -> assertThat(fields(ex.errors())).containsExactly("names[0]", "names[1]"));
	}

	private static FeatureSpec parse(String json, List<FieldError> errors) {
		try {
			JsonNode node = (json != null) ? JSON.readTree(json) : null;
			return FeatureSpec.parse(node, Set.of(), errors);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> fields(List<FieldError> errors) {
		return errors.stream().map(FieldError::field).toList();
	}

}
