package io.physforge.pinntraining.dataset;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where data-service answers, bound from {@code physforge.pinn.data.*}.
 *
 * @param uri base URI of data-service ({@code PF_DATA_URI})
 * @param timeout read timeout of one look-up
 */
@ConfigurationProperties("physforge.pinn.data")
public record DataServiceProperties(@DefaultValue("http://127.0.0.1:8082") URI uri,
		@DefaultValue("15s") Duration timeout) {

}
