package io.physforge.orchestration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.orchestration.dataset.DataSetClient;
import io.physforge.orchestration.dataset.DataSetRef;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.testing.StubDataService;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link DataSetClient} over real HTTP against {@link StubDataService}: the caller's
 * token decides, and a data-service that is down is a 503 that says what to do.
 */
class DataSetClientTests {

	@Test
	void answersTheCanonicalFormToItsOwnerAndNotFoundToOthers() {
		try (StubDataService data = new StubDataService()) {
			DataSetClient client = client(data.uri());
			UUID id = UUID.randomUUID();
			String key = data.register(id, "alice-token");
			DataSetRef dataSet = client.require(id, "Bearer alice-token");
			assertThat(dataSet.id()).isEqualTo(id);
			assertThat(dataSet.canonical().key()).isEqualTo(key);
			assertThat(dataSet.canonical().format()).isEqualTo("NPZ");
			ProblemException hidden = catchThrowableOfType(ProblemException.class,
					() -> client.require(id, "Bearer bob-token"));
			assertThat(hidden.getStatus().value()).isEqualTo(404);
			assertThat(hidden.toProblemDetail().getDetail()).contains(id.toString());
			assertThat(catchThrowableOfType(ProblemException.class, () -> client.require(id, null)).getStatus().value())
				.isEqualTo(404);
		}
	}

	@Test
	void anUnreachableDataServiceIsA503NamingTheSetting() throws Exception {
		URI closed;
		try (StubDataService data = new StubDataService()) {
			closed = data.uri();
		}
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> client(closed).require(UUID.randomUUID(), "Bearer x"));
		assertThat(problem.getStatus().value()).isEqualTo(503);
		assertThat(problem.toProblemDetail().getDetail()).contains(closed.toString()).contains("PF_DATA_URI");
	}

	private static DataSetClient client(URI dataUri) {
		OrchestrationProperties properties = new OrchestrationProperties("", "orchestration", "test", 3,
				Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1), Map.of(), Duration.ofMillis(250),
				Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofMinutes(30),
				Duration.ofSeconds(15), 50, dataUri);
		return new DataSetClient(RestClient.builder(), properties);
	}

}
