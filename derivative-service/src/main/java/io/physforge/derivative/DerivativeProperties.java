package io.physforge.derivative;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings bound from {@code physforge.derivative.*}.
 *
 * @param dataUri base URI of data-service, where a REST request's data set is looked up
 * with the caller's token
 */
@ConfigurationProperties("physforge.derivative")
public record DerivativeProperties(@DefaultValue("http://127.0.0.1:8082") URI dataUri) {

}
