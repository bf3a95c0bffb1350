package io.physforge.pinntraining.job;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinntraining.job.TrainingParams.InvalidParamsException;
import io.physforge.platform.problem.Problems.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link TrainingParams} against pinn-engine's {@link PinnSettings}: defaults, every
 * member, every error at once, and a round trip through {@link TrainingConfig#params()}.
 */
class TrainingParamsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void missingParametersAreTheEngineDefaults() throws Exception {
		assertThat(TrainingParams.read(null).settings()).isEqualTo(PinnSettings.defaults());
		assertThat(TrainingParams.read(JSON.readTree("{}")).settings()).isEqualTo(PinnSettings.defaults());
		assertThat(TrainingParams.read(JSON.readTree("{}")).noise()).isZero();
	}

	@Test
	void readsEveryMember() throws Exception {
		TrainingConfig config = TrainingParams.read(JSON.readTree("{\"layers\":\"3x20\",\"pde\":\"u_t = c1*u_xx\","
				+ "\"epochs\":100,\"lbfgsIterations\":7,\"dataPoints\":300,\"collocationPoints\":400,"
				+ "\"learningRate\":0.01,\"seed\":42,\"noise\":0.05,\"progressEvery\":10,\"patience\":3,"
				+ "\"adaptiveRounds\":1}"));
		assertThat(config.settings().adaptiveRounds()).isEqualTo(1);
		PinnSettings s = config.settings();
		assertThat(s.hiddenLayers()).containsExactly(20, 20, 20);
		assertThat(s.pde()).isEqualTo("u_t = c1*u_xx");
		assertThat(s.epochs()).isEqualTo(100);
		assertThat(s.lbfgsIterations()).isEqualTo(7);
		assertThat(s.dataPoints()).isEqualTo(300);
		assertThat(s.collocationPoints()).isEqualTo(400);
		assertThat(s.learningRate()).isEqualTo(0.01);
		assertThat(s.seed()).isEqualTo(42);
		assertThat(s.progressEvery()).isEqualTo(10);
		assertThat(s.patience()).isEqualTo(3);
		assertThat(config.noise()).isEqualTo(0.05);
		assertThat(config.asMap()).containsEntry("noise", 0.05).containsEntry("noiseSeed", 42L);
		assertThat(TrainingParams.read(JSON.readTree("{\"hiddenLayers\":[8,4]}")).settings().hiddenLayers())
			.containsExactly(8, 4);
	}

	@Test
	void paramsReadBackToTheSameConfiguration() throws Exception {
		TrainingConfig config = TrainingParams
			.read(JSON.readTree("{\"layers\":\"2x16\",\"epochs\":30,\"noise\":0.1,\"seed\":5}"));
		JsonNode params = JSON.valueToTree(config.params());
		assertThat(TrainingParams.read(params)).isEqualTo(config);
	}

	@Test
	void reportsEveryOffendingMember() throws Exception {
		InvalidParamsException ex = catchThrowableOfType(InvalidParamsException.class,
				() -> TrainingParams.read(JSON.readTree("{\"layers\":\"4y32\",\"epochs\":-1,\"learningRate\":\"fast\","
						+ "\"colocationPoints\":5,\"noise\":2,\"seed\":1.5,\"lbfgsIterations\":-3}")));
		List<String> fields = ex.errors().stream().map(FieldError::field).toList();
		assertThat(fields).contains("layers", "epochs", "learningRate", "colocationPoints", "noise", "seed",
				"lbfgsIterations");
		assertThat(ex.getMessage()).contains("4y32").contains("colocationPoints is not a PINN setting");
	}

	@Test
	void refusesWorkTooLargeToAcceptAtSubmission() throws Exception {
		InvalidParamsException ex = catchThrowableOfType(InvalidParamsException.class,
				() -> TrainingParams.read(JSON.readTree("{\"collocationPoints\":2000000000,\"dataPoints\":2000001,"
						+ "\"lbfgsIterations\":1000001,\"progressEvery\":2000000000,\"patience\":2000000000}")));
		assertThat(ex.errors().stream().map(FieldError::field).toList()).contains("collocationPoints", "dataPoints",
				"lbfgsIterations", "progressEvery", "patience");
		assertThat(ex.getMessage()).contains("collocationPoints").contains("0 to 500,000");
		assertThat(TrainingParams.read(JSON.readTree("{\"collocationPoints\":500000,\"dataPoints\":2000000}"))
			.settings()
			.collocationPoints()).isEqualTo(500_000);
	}

	@Test
	void refusesWhatIsNotAnObject() throws Exception {
		InvalidParamsException ex = catchThrowableOfType(InvalidParamsException.class,
				() -> TrainingParams.read(JSON.readTree("[1,2]")));
		assertThat(ex.getMessage()).contains("must be a JSON object");
	}

	@Test
	void splitsTheEngineMessagePerSetting() {
		assertThat(TrainingParams.split("invalid PINN settings: epochs: must be 0 to 10,000,000, got -1; "
				+ "progressEvery: must be >= 1, got 0"))
			.containsExactly(new FieldError("epochs", "must be 0 to 10,000,000, got -1"),
					new FieldError("progressEvery", "must be >= 1, got 0"));
		assertThat(TrainingParams.split("something else"))
			.containsExactly(new FieldError("settings", "something else"));
	}

}
