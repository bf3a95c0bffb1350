package io.physforge.platform.dataset;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.physforge.platform.problem.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Looks a data set up in data-service ({@code GET /api/data/datasets/{id}}) with the
 * caller's own token, so data-service's ownership rule decides: a data set the caller may
 * not see is not found here either. Each service makes one as a bean from its own setting
 * of data-service's address ({@code PF_DATA_URI}).
 */
public class DataSetClient {

	private final RestClient http;

	private final String base;

	/**
	 * A client with a 15 s read timeout.
	 * @param builder the application's REST client builder
	 * @param base base URI of data-service
	 */
	public DataSetClient(RestClient.Builder builder, URI base) {
		this(builder, base, Duration.ofSeconds(15));
	}

	/**
	 * A client.
	 * @param builder the application's REST client builder
	 * @param base base URI of data-service
	 * @param timeout read timeout of one look-up
	 */
	public DataSetClient(RestClient.Builder builder, URI base, Duration timeout) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(3));
		requests.setReadTimeout(timeout);
		this.base = base.toString();
		this.http = builder.baseUrl(this.base).requestFactory(requests).build();
	}

	/**
	 * The data set as the caller sees it.
	 * @param id the data set id
	 * @param authorization the caller's {@code Authorization} header, forwarded as is
	 * @return the data set with its canonical form
	 * @throws ProblemException 404 when data-service does not show it to the caller, 502
	 * when data-service answers otherwise or shows no canonical form, 503 when it cannot
	 * be reached
	 */
	public DataSetRef require(UUID id, String authorization) {
		try {
			return this.http.get().uri("/api/data/datasets/{id}", id).headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			}).exchange((request, response) -> {
				int status = response.getStatusCode().value();
				if (status == 404 || status == 403) {
					throw ProblemException.notFound("dataset", id);
				}
				if (status == 401) {
					throw ProblemException.unauthorized("unauthorized",
							"data-service did not accept your token for data set " + id + "; log in again.");
				}
				if (status != 200) {
					throw unavailable(HttpStatus.BAD_GATEWAY,
							"data-service answered " + status + " for data set " + id + "; try again later.");
				}
				DataSetRef dataSet = response.bodyTo(DataSetRef.class);
				if (dataSet == null || dataSet.canonical() == null || dataSet.canonical().key() == null
						|| dataSet.canonical().key().isBlank()) {
					throw unavailable(HttpStatus.BAD_GATEWAY,
							"data-service shows no canonical form for data set " + id + "; upload the data set again.");
				}
				return dataSet;
			});
		}
		catch (ResourceAccessException ex) {
			throw unavailable(HttpStatus.SERVICE_UNAVAILABLE,
					"data-service at " + this.base + " cannot be reached to look up data set " + id + " ("
							+ ex.getMessage() + "); start it or set PF_DATA_URI, then try again.");
		}
	}

	private static ProblemException unavailable(HttpStatus status, String detail) {
		return new ProblemException(status, "data-service-unavailable", "Data service unavailable", detail);
	}

}
