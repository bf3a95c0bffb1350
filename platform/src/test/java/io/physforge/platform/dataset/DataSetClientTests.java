package io.physforge.platform.dataset;

import java.net.URI;
import java.util.UUID;

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
			DataSetClient client = new DataSetClient(RestClient.builder(), data.uri());
			UUID id = UUID.randomUUID();
			String key = data.register(id, "alice-token");
			DataSetRef dataSet = client.require(id, "Bearer alice-token");
			assertThat(dataSet.id()).isEqualTo(id);
			assertThat(dataSet.canonical().key()).isEqualTo(key);
			assertThat(dataSet.canonical().format()).isEqualTo("NPZ");
			assertThat(dataSet.fields()).isEmpty();
			ProblemException hidden = catchThrowableOfType(ProblemException.class,
					() -> client.require(id, "Bearer bob-token"));
			assertThat(hidden.getStatus().value()).isEqualTo(404);
			assertThat(hidden.toProblemDetail().getDetail()).contains(id.toString());
			assertThat(catchThrowableOfType(ProblemException.class, () -> client.require(id, null)).getStatus().value())
				.isEqualTo(404);
		}
	}

	@Test
	void readsTheFieldsAndAxesWhenDataServiceShowsThem() {
		try (StubDataService data = new StubDataService(
				"\"fields\":[\"u\"],\"coordinates\":[{\"name\":\"t\",\"size\":21},{\"name\":\"x\",\"size\":64}]")) {
			DataSetClient client = new DataSetClient(RestClient.builder(), data.uri());
			UUID id = data.register("alice-token", "some/key.npz");
			DataSetRef dataSet = client.require(id, "Bearer alice-token");
			assertThat(dataSet.fields()).containsExactly("u");
			assertThat(dataSet.axes()).containsExactly("t", "x");
			assertThat(dataSet.coordinates().get(1).size()).isEqualTo(64);
			assertThat(dataSet.canonical().key()).isEqualTo("some/key.npz");
		}
	}

	@Test
	void anUnreachableDataServiceIsA503NamingTheSetting() throws Exception {
		URI closed;
		try (StubDataService data = new StubDataService()) {
			closed = data.uri();
		}
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> new DataSetClient(RestClient.builder(), closed).require(UUID.randomUUID(), "Bearer x"));
		assertThat(problem.getStatus().value()).isEqualTo(503);
		assertThat(problem.toProblemDetail().getDetail()).contains(closed.toString()).contains("PF_DATA_URI");
	}

}
