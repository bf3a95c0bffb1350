package io.physforge.discovery.worker;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.queue.WorkerPayload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Step parameters onto {@link DiscoverySettings}, the orchestrator's payload format, and
 * where the canonical form's key comes from.
 */
class DiscoveryParamsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void emptyOrMissingParamsAreTheDefaults() throws Exception {
		assertThat(DiscoveryParams.toSettings(null)).isEqualTo(DiscoverySettings.defaults());
		assertThat(DiscoveryParams.toSettings(JSON.readTree("{}"))).isEqualTo(DiscoverySettings.defaults());
	}

	@Test
	void everyParameterMapsOntoItsSetting() throws Exception {
		DiscoverySettings s = DiscoveryParams.toSettings(JSON.readTree(
				"""
						{"targets":"u, v","derivative":"poly","derivativeOptions":{"width":10,"degree":"4"},
						 "timeDerivative":"fd","timeDerivativeOptions":{"accuracy":"2"},"maxOrder":3,"degree":2,
						 "method":"weak","regression":"stlsq","threshold":0.2,"lambda":0.001,"l0Penalty":0.05,"testFraction":0.3,
						 "maxRows":5000,"seed":9007199254740993}
						"""));
		assertThat(s)
			.isEqualTo(new DiscoverySettings(List.of("u", "v"), "weak", "poly", Map.of("width", "10", "degree", "4"),
					"fd", Map.of("accuracy", "2"), 3, 2, "stlsq", 0.2, 0.001, 0.05, 0.3, 5000, 9007199254740993L));
		assertThat(DiscoveryParams.toSettings(JSON.readTree("{\"targets\":[\"v\"]}")).targets()).containsExactly("v");
		DiscoverySettings uncertainty = DiscoveryParams.toSettings(JSON.readTree("""
				{"ensembleMembers":40,"inclusionThreshold":0.7,"libraryFraction":0.8,"selection":"bic",
				 "validate":true,"productRule":true}
				"""));
		assertThat(uncertainty).isEqualTo(DiscoverySettings.defaults()
			.withEnsemble(40, 0.7, 0.8)
			.withSelection("bic")
			.withValidate(true)
			.withProductRule(true));
	}

	@Test
	void badParamsAreRefusedNamingTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"order\":2}")))
			.withMessageContaining("unknown discovery parameter 'order'")
			.withMessageContaining("maxOrder");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"maxOrder\":\"3\"}")))
			.withMessage("discovery parameter 'maxOrder' must be an integer, got \"3\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"maxOrder\":2.5}")))
			.withMessageContaining("'maxOrder' must be an integer");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"regression\":\"lasso\"}")))
			.withMessageContaining("unknown regression 'lasso'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"method\":\"lasso\"}")))
			.withMessageContaining("unknown discovery method 'lasso'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"validate\":\"yes\"}")))
			.withMessage("discovery parameter 'validate' must be true or false, got \"yes\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"selection\":\"cv\"}")))
			.withMessageContaining("unknown model selection 'cv'");
		assertThatIllegalArgumentException().isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("[1]")))
			.withMessageContaining("must be a JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscoveryParams.toSettings(JSON.readTree("{\"derivativeOptions\":{\"width\":[1]}}")))
			.withMessageContaining("'derivativeOptions.width' must be a string or number");
	}

	@Test
	void readsTheOrchestratorsPayload() throws Exception {
		UUID job = UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		WorkerPayload payload = JSON.readValue("""
				{"pipelineId":"%s","jobId":"%s","stepId":"discovery","type":"discovery","attempt":2,
				 "datasetId":"%s","ownerId":"owner-1","params":{"derivative":"fd"},"futureMember":true,
				 "inputs":[{"stepId":"derivatives","jobId":"%s","type":"derivatives",
				            "result":{"kind":"feature-set","id":"f1","location":"s3://artifacts/x"}},
				           {"stepId":"pinn","jobId":"%s","type":"pinn",
				            "result":{"kind":"pinn-model","id":"m1","location":"s3://datasets/%s"}}]}
				""".formatted(UUID.randomUUID(), job, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), key),
				WorkerPayload.class);
		assertThat(payload.jobId()).isEqualTo(job);
		assertThat(payload.attempt()).isEqualTo(2);
		assertThat(payload.params().path("derivative").asText()).isEqualTo("fd");
		assertThat(payload.inputs()).hasSize(2);
		assertThat(CanonicalDataSetReader.objectKey(payload.datasetObjectKey(), payload.inputs()))
			.as("key from the upstream result in bucket datasets")
			.isEqualTo(key);

		JsonNode withKey = JSON.readTree("{\"ownerId\":\"o\",\"canonicalObjectKey\":\"" + key + "\"}");
		WorkerPayload keyed = JSON.treeToValue(withKey, WorkerPayload.class);
		assertThat(CanonicalDataSetReader.objectKey(keyed.datasetObjectKey(), keyed.inputs())).isEqualTo(key);
		WorkerPayload none = JSON.readValue("{\"ownerId\":\"o\"}", WorkerPayload.class);
		assertThat(CanonicalDataSetReader.objectKey(none.datasetObjectKey(), none.inputs())).isNull();
	}

}
