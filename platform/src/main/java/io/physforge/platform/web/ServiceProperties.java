package io.physforge.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity of a service ({@code physforge.service.*}).
 *
 * @param name service name, such as {@code data-service}
 * @param apiPrefix path under which the service exposes its API, such as
 * {@code /api/data}
 * @param version version reported by the info endpoint; defaults to the jar's
 * implementation version
 */
@ConfigurationProperties("physforge.service")
public record ServiceProperties(String name, String apiPrefix, String version) {

}
